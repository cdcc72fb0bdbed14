// OpenTelemetry across the API, the Temporal client and activities (the SDK's OpenTelemetry interceptors).
// Trace context always flows: the API's spans go into the headers of what its client starts, the case carries
// them to its activities (workflows/trace-context.interceptors.ts), so every log line of a case has the id of
// the webhook's trace. Spans leave a process only when an OTLP endpoint is configured (off by default).
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { TRACE_HEADER } from '../workflows/trace-context.interceptors.js';

export interface Tracing {
  /** Whether spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set). */
  exporting: boolean;
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
  installed = { exporting, shutdown: () => provider.shutdown() };
  return installed;
}

/** What a Temporal client needs: the active trace goes into the headers of what it starts, signals and updates. */
export function clientTracingInterceptors() {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** A span per activity attempt, in the case's trace, when spans are exported; nothing otherwise. */
export function activityTracingInterceptors(tracing: Tracing): ActivityInterceptorsFactory[] {
  if (!tracing.exporting) return [];
  return [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })];
}

/** The trace id in a Temporal trace header (a W3C traceparent inside), for log lines outside any span. */
export function traceIdOfHeader(header: Payload | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const carrier = defaultPayloadConverter.fromPayload<{ traceparent?: string }>(header);
    return /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(carrier.traceparent ?? '')?.[1];
  } catch {
    return undefined;
  }
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
