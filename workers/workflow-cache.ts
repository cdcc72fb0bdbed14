// How many cases a worker keeps in memory between their workflow tasks, from the memory it may use.
// A cached case's next task runs without replaying its history; an evicted one replays it (correct, slower).
// The SDK's own default is sized from V8's heap limit (about 2,300 workflows on a 24 GB host), not from what
// the host gives the worker, so a backlog of waiting cases grew a worker from 390 MB to 790 MB.
import { ConfigError } from '../runtime/config.js';

/**
 * What a busy worker uses besides its cache (Node, the SDK's native core, the workflow bundle's V8 context,
 * warmed-up code and pools), and what each cached case adds: measured by bench/cache-memory.ts (374 MB idle,
 * 612 MB with 300 cases waiting, +0.46 MB for each case after those).
 */
export const WORKER_BASE_MB = 480;
export const CACHED_CASE_MB = 0.5;
export const DEFAULT_WORKER_MEMORY_MB = 1024;

/** WORKER_MEMORY_MB: the resident memory a worker process is given (its container's limit, say). */
export function workerMemoryBudgetMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WORKER_MEMORY_MB?.trim();
  if (!raw) return DEFAULT_WORKER_MEMORY_MB;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 256) throw new ConfigError(`WORKER_MEMORY_MB=${raw}: a whole number of MB, at least 256`);
  return value;
}

/** The workflow cache that fits the budget; a tenth of the budget stays free for activities and garbage. */
export function maxCachedWorkflowsFor(budgetMb: number): number {
  return Math.max(10, Math.floor((budgetMb * 0.9 - WORKER_BASE_MB) / CACHED_CASE_MB));
}
