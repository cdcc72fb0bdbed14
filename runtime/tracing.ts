// OpenTelemetry across the API, the Temporal client, workflows and activities (the SDK's own OpenTelemetry
// interceptors). Trace context always flows, so every log line of a case carries the trace id of the webhook
// that opened it; spans leave the process only when an OTLP endpoint is configured (off by default).
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import { createRequire } from 'node:module';

/** The SDK's workflow interceptors: bundled with the workflow code (workers/create-worker.ts). */
export const WORKFLOW_TRACING_MODULE = createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

export interface Tracing {
  /** Whether spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set). */
  exporting: boolean;
  resource: Resource;
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

/** Installs the process's tracer provider, once; `service` names it in a tracing backend. */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (installed) return installed;
  const disabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
  const exporting = !disabled && Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME || `countersign-${service}` });
  // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout) itself.
  const spanProcessor = exporting ? new BatchSpanProcessor(new OTLPTraceExporter()) : new NoopSpanProcessor();
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Global tracer, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  installed = { exporting, resource, spanProcessor, shutdown: () => provider.shutdown() };
  return installed;
}

/** What a Temporal client needs: the active trace goes into the headers of what it starts, signals and updates. */
export function clientTracingInterceptors() {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** What a worker needs besides the bundled workflow interceptors: activity spans, and the workflows' span sink. */
export function workerTracingOptions(tracing: Tracing): Pick<WorkerOptions, 'sinks' | 'interceptors'> {
  return {
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
    interceptors: {
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
  };
}

/** The id of the trace this code runs in, if any: what log lines carry as traceId. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Runs `handle` in a SERVER span that continues the caller's trace (a W3C `traceparent` header), or starts one.
 * The span ends when `handle` settles, marked as an error if it threw.
 */
export async function inServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  const span = trace.getTracer('countersign-api').startSpan(name, { kind: SpanKind.SERVER }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => handle(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
