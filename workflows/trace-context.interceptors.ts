// Sandbox code, bundled as a workflow interceptor module. Carries the trace a case began in (the header the
// client's OpenTelemetry interceptor writes when the webhook starts the case) to every activity the case
// schedules, including those a later decision sets off: activity spans and log lines then join the webhook's
// trace. It copies a header and nothing else: the SDK's own OpenTelemetry workflow interceptors, which also
// trace inside the workflow, halved a worker's throughput in `npm run bench`.
import type { Payload, WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** The header name @temporalio/interceptors-opentelemetry reads and writes. */
export const TRACE_HEADER = '_tracer-data';

export const interceptors: WorkflowInterceptorsFactory = () => {
  // One factory call per workflow run: this closure is the run's own.
  let trace: Payload | undefined;
  return {
    inbound: [{
      execute(input, next) {
        trace = input.headers[TRACE_HEADER];
        return next(input);
      },
    }],
    outbound: [{
      scheduleActivity(input, next) {
        return next(trace ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: trace } } : input);
      },
      scheduleLocalActivity(input, next) {
        return next(trace ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: trace } } : input);
      },
    }],
  };
};
