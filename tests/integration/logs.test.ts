// The logs an operator reads: JSON lines from a real API process and a real worker process, one trace id from
// the webhook through the case's activities to the reply, and none of the customer's PII in any line.
import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CaseSchema } from '../../db/entities/index.js';
import { initOrm, type Orm } from '../../db/orm.js';
import { EMULATOR_AUTH_TOKEN } from '../../runtime/config.js';
import { freePort } from '../../runtime/ports.js';
import { caseWorkflowId, decideUpdate } from '../../workflows/contract.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';
import { spawnProduct, workerProcessEnv, type ProductProcess } from '../helpers/worker-process.js';

let api: ProductProcess;
let worker: ProductProcess;
let orm: Orm;
let connection: Connection;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `logs-${randomUUID()}`,
    PORT: String(port),
    PUBLIC_URL: url,
    COUNTERSIGN_REVIEW_TIMEOUT: '1h',
  };
  [worker, api] = await Promise.all([spawnProduct('worker', { ...workerProcessEnv(), ...env }), spawnProduct('api', env)]);
  orm = await initOrm({ clientUrl: inject('databaseUrl') });
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await connection?.close();
  await orm?.close();
});

type LogLine = Record<string, unknown> & { level: string; component: string; msg: string };

function linesOf(process: ProductProcess): LogLine[] {
  return process.output().split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as LogLine);
}

describe('logs', () => {
  it('follow one trace from the webhook through every activity to the reply, with the customer\'s PII tokenised', async () => {
    const traceId = randomBytes(16).toString('hex');
    const params = inboundSms({ Body: 'Hi, this is jane.doe@example.com, where is my order 4411? Call me on +44 7700 900123.' });
    const caseId = caseWorkflowId('sms', params.MessageSid!);
    const response = await fetchWebhook(params, `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-trace-id')).toBe(traceId);

    const inCase = (stage: string) => waitFor(() => orm.em.fork().findOne(CaseSchema, { id: caseId }), (row) => row?.stage === stage, `case ${stage}`);
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
  });
});

function fetchWebhook(params: Record<string, string>, traceparent: string): Promise<Response> {
  return postTwilioWebhook(url, url, '/webhooks/twilio/messages', EMULATOR_AUTH_TOKEN, params, { headers: { traceparent } });
}
