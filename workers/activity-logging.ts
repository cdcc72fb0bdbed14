// One log line per activity attempt, stamped with the case (the workflow id) and the trace the case began in
// (from the header the workflow puts on every activity):
// how a case's path from webhook to reply reads in the logs. Failures say which attempt, and why.
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import type { Context } from '@temporalio/activity';
import { logger } from '../runtime/logger.js';
import { traceIdOfHeader } from '../runtime/tracing.js';
import { TRACE_HEADER } from '../workflows/trace-context.interceptors.js';

const log = logger('activity');

export function activityLogging(ctx: Context): { inbound: ActivityInboundCallsInterceptor } {
  return {
    inbound: {
      async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
        const { activityType, attempt, isLocal, workflowExecution } = ctx.info;
        const traceId = traceIdOfHeader(input.headers[TRACE_HEADER]);
        const fields = { caseId: workflowExecution?.workflowId, ...(traceId ? { traceId } : {}), activity: activityType, attempt, local: isLocal };
        const started = performance.now();
        try {
          const result = await next(input);
          log.info({ ...fields, durationMs: Math.round(performance.now() - started) }, `${activityType} done`);
          return result;
        } catch (error) {
          log.warn({ ...fields, durationMs: Math.round(performance.now() - started), err: error }, `${activityType} failed (attempt ${attempt})`);
          throw error;
        }
      },
    },
  };
}
