// What an operator sees of a case, from a real API process and a real worker process: JSON log lines with one
// trace id from the webhook through the case's activities to the reply and none of the customer's PII, and
// the same trace's spans from both services at an OTLP endpoint (a local collector, as OTLP/HTTP JSON).
import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { initOrm, type Orm } from '../../db/orm.js';
import { EMULATOR_AUTH_TOKEN } from '../../runtime/config.js';
import { freePort } from '../../runtime/ports.js';
import { caseWorkflowId } from '../../domain/case.js';
import { decideUpdate } from '../../workflows/contract.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';
import { waitForCaseRow } from '../helpers/cases.js';
import { waitFor } from '../helpers/wait.js';
import { spawnProduct, workerProcessEnv, type ProductProcess } from '../helpers/product-process.js';

let api: ProductProcess;
let worker: ProductProcess;
let orm: Orm;
let connection: Connection;
let url: string;
let collector: Awaited<ReturnType<typeof startCollector>>;

beforeAll(async () => {
  collector = await startCollector();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `logs-${randomUUID()}`,
    PORT: String(port),
    PUBLIC_URL: url,
    COUNTERSIGN_REVIEW_TIMEOUT: '1h',
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    // Export within a fraction of a second rather than the default 5 s batches.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  [worker, api] = await Promise.all([spawnProduct('worker', { ...workerProcessEnv(), ...env }), spawnProduct('api', env)]);
  orm = await initOrm({ clientUrl: inject('databaseUrl') });
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await connection?.close();
  await orm?.close();
  await collector?.close();
});

type LogLine = Record<string, unknown> & { level: string; component: string; msg: string };

/** The complete log lines a process wrote to stdout so far (a line still being written is left for later). */
function linesOf(process: ProductProcess): LogLine[] {
  const text = process.stdout();
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as LogLine);
}

describe('logs and traces', () => {
  it('follow one trace from the webhook through every activity to the reply, with the customer\'s PII tokenised, and export its spans', async () => {
    const traceId = randomBytes(16).toString('hex');
    const params = inboundSms({ Body: 'Hi, this is jane.doe@example.com, where is my order 4411? Call me on +44 7700 900123.' });
    const caseId = caseWorkflowId('sms', params.MessageSid!);
    const response = await fetchWebhook(params, `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-trace-id')).toBe(traceId);

    const inCase = (stage: string) => waitForCaseRow(orm, caseId, stage);
    await inCase('awaiting_review');
    const client = new Client({ connection });
    await client.workflow.getHandle(caseId).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'logs@example.com' }] });
    await inCase('sent');
    await waitFor(async () => linesOf(worker), (lines) => lines.some((l) => l.caseId === caseId && l.activity === 'sendReply'), 'the send in the log');

    // Every line of both processes is one JSON object with a level and a component.
    const apiLines = linesOf(api);
    const workerLines = linesOf(worker);
    for (const line of [...apiLines, ...workerLines]) expect(line).toMatchObject({ level: expect.any(String), component: expect.any(String), msg: expect.any(String) });

    const webhook = apiLines.find((l) => l.component === 'webhook' && l.caseId === caseId);
    expect(webhook).toMatchObject({ level: 'info', traceId, channel: 'sms', duplicate: false, from: '⟨PHONE_1⟩' });
    const activities = workerLines.filter((l) => l.caseId === caseId && l.component === 'activity');
    expect(activities.map((l) => l.activity)).toEqual(expect.arrayContaining(['openCase', 'screenInbound', 'draftReply', 'recordTransition', 'sendReply']));
    // The reviewer's decision arrived later, by Update, but the case's own trace carries on to the reply.
    expect(new Set(activities.map((l) => l.traceId))).toEqual(new Set([traceId]));

    const everything = api.output() + worker.output();
    for (const pii of ['jane.doe@example.com', '7700 900123', params.From!]) expect(everything).not.toContain(pii);

    // The same trace reached the OTLP endpoint from both services: the webhook, the workflow's start and each
    // activity attempt, the send after the reviewer's decision included.
    const spans = await waitFor(async () => collector.spans.filter((s) => s.traceId === traceId),
      (found) => found.some((s) => s.name === 'RunActivity:sendReply'), 'the trace\'s spans at the collector');
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['countersign-api', 'countersign-worker']));
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining([
      'POST webhooks', 'StartWorkflow:handleInboundMessage', 'RunActivity:openCase', 'RunActivity:screenInbound', 'RunActivity:draftReply', 'RunActivity:sendReply',
    ]));
  });
});

/** An OTLP/HTTP endpoint that keeps every span it is sent, with the service that sent it. */
async function startCollector() {
  const spans: { service: string; traceId: string; name: string }[] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    if (request.url === '/v1/traces' && request.headers['content-type']?.startsWith('application/json')) {
      for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
        const service = resourceSpans.resource?.attributes?.find((a: { key: string }) => a.key === 'service.name')?.value?.stringValue;
        for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ service, traceId: span.traceId, name: span.name });
      }
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function fetchWebhook(params: Record<string, string>, traceparent: string): Promise<Response> {
  return postTwilioWebhook(url, url, '/webhooks/twilio/messages', EMULATOR_AUTH_TOKEN, params, { headers: { traceparent } });
}
