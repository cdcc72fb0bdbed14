// A worker that dies mid-call sends no failure: Temporal only learns of it when a timeout passes. Heartbeats
// make that timeout short (the workflow's `heartbeatTimeout`) without cutting a slow LLM answer short.
import { Context } from '@temporalio/activity';

/** How often a long activity reports it is alive; the SDK throttles to 80% of the heartbeat timeout anyway. */
const HEARTBEAT_EVERY_MS = 1_000;

/** Wraps an activity so that, while it runs on a worker, it heartbeats until it settles. */
export function heartbeating<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const context = currentContext();
    if (!context) return activity(...args);
    // No heartbeat at the start: most calls end within a second and should cost the server nothing extra.
    const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
    try {
      return await activity(...args);
    } finally {
      clearInterval(timer);
    }
  };
}

// Benchmarks and unit tests call activities directly, outside any worker.
function currentContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}
