// `npm run worker` as a real child process beside an in-process API, so a test can SIGKILL it mid-task the
// way a crashed host or an OOM kill would end it: no shutdown, no failure reported to Temporal.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { inject } from 'vitest';
import type { Stack } from './stack.js';

export interface WorkerProcess {
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the SDK's graceful shutdown. */
  stop(): Promise<void>;
}

/** A worker process on the stack's task queue, database and Temporal server; resolves once it polls. */
export async function spawnWorker(stack: Stack, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: stack.config.databaseUrl,
      TEMPORAL_ADDRESS: stack.config.temporal.address,
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      TWILIO_EMULATOR_URL: stack.config.twilio.apiBaseUrl,
      COUNTERSIGN_CALIBRATION: 'off',
      // The run's bundle: a worker starts in a second or two instead of bundling with webpack.
      WORKFLOW_BUNDLE: inject('workflowBundlePath'),
      WORKER_METRICS_PORT: '0',
      TEMPORAL_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker polling')) resolve();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${signal ?? code}) before polling: ${output}`)));
  });
  const gone = once(child, 'exit');
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await gone;
  };
  await ready;
  return { output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
