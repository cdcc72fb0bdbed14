// The worker process `npm start` runs serves two metrics ports besides the API's PORT. Fixed defaults made two
// `npm start`s on one machine (different PORT, DATA_DIR and database/Temporal ports) fight over them: the
// second worker crashed on start, restarted every 30 s, and readiness failed with "no worker is polling".

/** Where the default PORT puts them: the ports `npm run worker` uses on its own (README, Prometheus configs). */
const BASE = { port: 4000, worker: 9464, sdk: 9465 } as const;

export interface WorkerPorts {
  WORKER_METRICS_PORT: number;
  TEMPORAL_METRICS_PORT: number;
}

/**
 * The worker's metrics ports for an `npm start` on `apiPort`: as set in `env`, else two ports derived from
 * PORT, a pair per PORT (4000 → 9464/9465, 4001 → 9466/9467, 5000 → 11464/11465), so instances told apart by
 * PORT never share them. `0` (off) is respected.
 */
export function workerPortsFor(apiPort: number, env: NodeJS.ProcessEnv = process.env): WorkerPorts {
  const derivedWorker = BASE.worker + 2 * (apiPort - BASE.port);
  const fits = derivedWorker >= 1024 && derivedWorker + 1 <= 65535;
  const pick = (variable: keyof WorkerPorts, derived: number, fallback: number) => {
    const set = env[variable];
    if (set !== undefined && set !== '') return Number(set);
    return fits ? derived : fallback;
  };
  return {
    WORKER_METRICS_PORT: pick('WORKER_METRICS_PORT', derivedWorker, BASE.worker),
    TEMPORAL_METRICS_PORT: pick('TEMPORAL_METRICS_PORT', derivedWorker + 1, BASE.sdk),
  };
}
