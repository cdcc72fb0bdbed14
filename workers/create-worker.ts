import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { createActivities, type ActivityDeps } from '../activities/index.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run; production may ship one); else bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Another workflows entry than the product's (the benchmark adds its baseline workflow). */
  workflowsPath?: string;
  /** Activities besides the case activities (the benchmark's baseline no-op). */
  extraActivities?: Record<string, (...args: never[]) => Promise<unknown>>;
  overrides?: Partial<WorkerOptions>;
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: options.workflowsPath ?? workflowsPath }),
    activities: { ...createActivities(options.deps), ...options.extraActivities },
    ...options.overrides,
  });
}
