import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

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
