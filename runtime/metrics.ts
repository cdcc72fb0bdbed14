// Prometheus metrics of one process (prom-client). The API serves them at GET /metrics; a worker process on
// WORKER_METRICS_PORT. In `npm start` and the tests, API and worker share a process and so one registry.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const webhookCounter = new Counter({
  name: 'countersign_webhooks_total',
  help: 'Inbound provider webhooks by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'countersign_http_requests_total',
  help: 'HTTP requests answered by the API, by route group and status class',
  labelNames: ['group', 'status'] as const,
  registers: [registry],
});

export const aiRequests = new Counter({
  name: 'ai_requests_total',
  help: 'Drafts asked of the drafter (LLM or offline), by outcome: ok, retryable, failed',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const llmLatency = new Histogram({
  name: 'llm_request_duration_seconds',
  help: 'Time to a draft from the drafter, including the completion cache, by drafter model',
  labelNames: ['model'] as const,
  buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
  registers: [registry],
});

export const draftConfidence = new Histogram({
  name: 'draft_confidence',
  help: 'Calibrated confidence of drafts, by intent',
  labelNames: ['intent'] as const,
  buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
  registers: [registry],
});

export const securityViolations = new Counter({
  name: 'security_violations_total',
  help: 'Inbound messages the guardrail blocked, by type: security_violation or out_of_scope',
  labelNames: ['type'] as const,
  registers: [registry],
});

export const autoApproved = new Counter({ name: 'auto_approved_total', help: 'Drafts sent without a human', registers: [registry] });
export const manualReviews = new Counter({ name: 'manual_reviews_total', help: 'Cases put in front of a reviewer', registers: [registry] });
export const escalations = new Counter({
  name: 'escalations_total',
  help: 'Cases escalated, by cause: timer (no decision in time) or supervisor',
  labelNames: ['cause'] as const,
  registers: [registry],
});
export const slaBreaches = new Counter({ name: 'sla_breaches_total', help: 'Cases that expired without a decision', registers: [registry] });
export const deliveryFailures = new Counter({
  name: 'delivery_failures_total',
  help: 'Replies the provider reported failed or undelivered, or could not send',
  registers: [registry],
});

export const decisionLatency = new Histogram({
  name: 'decision_latency_seconds',
  help: 'From a case opening to a reviewer\'s decision being applied',
  buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 14400],
  registers: [registry],
});
