// The product's processes (`npm run worker`, `npm run api`) as real child processes: a test can SIGKILL a
// worker mid-task the way a crashed host or an OOM kill would end it, or read the JSON log lines they print.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { inject } from 'vitest';
import type { Stack } from './stack.js';

export interface ProductProcess {
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** What it printed on stdout: its log lines. */
  stdout(): string;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful shutdown. */
  stop(): Promise<void>;
  /** Settles when the process ends, with its exit code or signal. */
  exited: Promise<string>;
}

const ENTRIES = { worker: { entry: 'workers/main.ts', ready: 'worker polling' }, api: { entry: 'api/main.ts', ready: 'API listening' } };

/** Starts one product process with `env` (and PATH); resolves once it says it is serving. */
export async function spawnProduct(kind: keyof typeof ENTRIES, env: Record<string, string | undefined>): Promise<ProductProcess> {
  const { entry, ready: readyText } = ENTRIES[kind];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  const ready = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) resolve();
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      collect(chunk);
    });
    child.stderr!.on('data', collect);
    child.once('exit', (code, signal) => reject(new Error(`${kind} exited (${signal ?? code}) before serving: ${output}`)));
    setTimeout(() => reject(new Error(`${kind} did not say "${readyText}" within 60 s: ${output}`)), 60_000).unref();
  });
  const gone = once(child, 'exit');
  const exited = gone.then(([code, signal]) => String(signal ?? `code ${code}`));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await gone;
  };
  await ready;
  return { output: () => output, stdout: () => stdout, kill: () => end('SIGKILL'), stop: () => end('SIGTERM'), exited };
}

/** A worker process on the stack's task queue, database and Temporal server. */
export function spawnWorker(stack: Stack, env: Record<string, string> = {}): Promise<ProductProcess> {
  return spawnProduct('worker', {
    ...workerProcessEnv(),
    DATABASE_URL: stack.config.databaseUrl,
    TEMPORAL_ADDRESS: stack.config.temporal.address,
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    TWILIO_EMULATOR_URL: stack.config.twilio.apiBaseUrl,
    ...env,
  });
}

/** What every test worker process shares: the run's bundle (it starts in a second or two), no metrics ports. */
export function workerProcessEnv(): Record<string, string> {
  return { COUNTERSIGN_CALIBRATION: 'off', WORKFLOW_BUNDLE: inject('workflowBundlePath'), WORKER_METRICS_PORT: '0', TEMPORAL_METRICS_PORT: '0' };
}
