import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { activityTracingInterceptors, type Tracing } from '../runtime/tracing.js';
import { activityLogging } from './activity-logging.js';
import { maxCachedWorkflowsFor, workerMemoryBudgetMb } from './workflow-cache.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Workflow interceptors bundled with the workflow code: the one that carries a case's trace to its activities. */
export const workflowInterceptorModules = [fileURLToPath(new URL('../workflows/trace-context.interceptors.ts', import.meta.url))];

/**
 * How long a case's next workflow task waits on the queue of the worker that ran it last (which has it cached)
 * before any worker may take it. The SDK's default, 10 s, is how long a case stalls when that worker has died,
 * and the window in which a `state` query can run a case ahead of its history (README, "Known limits"). At the
 * benchmark's 3 cases a second a live worker starts these tasks within 122 ms (p99 80 ms), so 2 s still keeps
 * them on it; only a worker offered more than it can process loses some to other workers (and replays them).
 */
export const STICKY_QUEUE_TIMEOUT = '2s';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  tracing: Tracing;
  /** A prebuilt bundle (tests build one per run; production may ship one); else bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Another workflows entry than the product's (the benchmark adds its baseline workflow). */
  workflowsPath?: string;
  /** Activities besides the case activities (the benchmark's baseline no-op). */
  extraActivities?: Record<string, (...args: never[]) => Promise<unknown>>;
  /** The worker's memory budget in MB; else WORKER_MEMORY_MB (workers/workflow-cache.ts). Sizes the workflow cache. */
  memoryBudgetMb?: number;
  overrides?: Partial<WorkerOptions>;
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: options.workflowsPath ?? workflowsPath }),
    activities: { ...createActivities(options.deps), ...options.extraActivities },
    interceptors: {
      // Logging runs inside the activity's span (when there is one).
      activity: [...activityTracingInterceptors(options.tracing), activityLogging],
      ...(options.workflowBundle ? {} : { workflowModules: workflowInterceptorModules }),
    },
    stickyQueueScheduleToStartTimeout: STICKY_QUEUE_TIMEOUT,
    maxCachedWorkflows: maxCachedWorkflowsFor(options.memoryBudgetMb ?? workerMemoryBudgetMb()),
    ...options.overrides,
  });
}
