// `npm run bench`: the case pipeline's speed against a local Temporal dev server (SQLite), embedded
// PostgreSQL, the Twilio emulator and a 0 ms drafter. Prints a table; writes bench/results/latest.json.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import twilio from 'twilio';
import { createActivities } from '../activities/index.js';
import { buildApp } from '../api/app.js';
import { CaseEventHub } from '../api/case-event-hub.js';
import type { OutboundReply, ReplySender, SentReply } from '../channels/reply-sender.js';
import { initOrm, migrate } from '../db/orm.js';
import type { Draft, Drafter } from '../llm/drafter.js';
import { EMULATOR_BUSINESS_NUMBER, loadConfig } from '../runtime/config.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { freePorts } from '../runtime/ports.js';
import { provisionTemporalCli } from '../runtime/temporal-cli.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { buildActivityDeps } from '../workers/activity-deps.js';
import { caseWorkflowId, decideUpdate, stateQuery } from '../workflows/contract.js';
import { percentile, round } from './stats.js';

Runtime.install({ logger: new DefaultLogger('ERROR') });
const RATE = 50;
const ACK_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** A drafter that answers at once: the bench measures the pipeline, not an LLM. */
class InstantDrafter implements Drafter {
  async draft(request: { text: string }): Promise<Draft> {
    const review = request.text.includes('[review]');
    return { text: 'Your order is on its way.', intent: 'order_status', confidence: review ? 0.2 : 0.97, reasoning: '', needsHuman: review, model: 'bench' };
  }
}

/** Records when the provider was called for each case. */
class TimedSender implements ReplySender {
  readonly calledAt = new Map<string, number>();
  constructor(private readonly inner: ReplySender) {}
  async send(reply: OutboundReply): Promise<SentReply> {
    this.calledAt.set(reply.caseId, performance.now());
    return this.inner.send(reply);
  }
  findSent(reply: OutboundReply, since: Date) {
    return this.inner.findSent(reply, since);
  }
}

const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-'));
const [pgPort, temporalPort, apiPort] = (await freePorts(3)) as [number, number, number];
const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, console.log);
if (!cli) throw new Error('the benchmark needs the Temporal CLI (npm run setup:temporal)');
const [pg, temporal] = await Promise.all([
  startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: pgPort, persistent: false }),
  startDevServer({ cli: cli.path, port: temporalPort, namespace: 'default', dbFilename: path.join(root, 'temporal.db') }),
]);
const config = loadConfig({ PORT: String(apiPort), DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}` });
const orm = await initOrm({ clientUrl: pg.url, pool: { min: 2, max: 20 } });
await migrate(orm);
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });
const defaults = buildActivityDeps(config, orm, client);
const sender = new TimedSender(defaults.sender);
const native = await NativeConnection.connect({ address: temporal.address });
const worker = await Worker.create({
  connection: native,
  taskQueue: config.temporal.taskQueue,
  workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
  activities: { ...createActivities({ ...defaults, drafter: new InstantDrafter(), sender }), benchNoop: async () => undefined },
});
const running = worker.run();
const events = new CaseEventHub(pg.url);
await events.start();
const server = buildApp({ config, orm, temporal: client, caseEvents: events }).listen(apiPort, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${apiPort}`;
const memoryBefore = process.memoryUsage().rss;

async function webhook(body: string): Promise<{ sid: string; sentAt: number; ackMs: number }> {
  const sid = `SM${randomUUID().replaceAll('-', '')}`;
  const params = { MessageSid: sid, From: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, To: EMULATOR_BUSINESS_NUMBER, Body: body };
  const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken, `${config.publicUrl}/webhooks/twilio/messages`, params);
  const sentAt = performance.now();
  const response = await fetch(`${url}/webhooks/twilio/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
  await response.text();
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  return { sid, sentAt, ackMs: performance.now() - sentAt };
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(20);
}

// 1. Webhook acknowledgement and pipeline overhead at 50 messages/s on the auto-send path.
const sends: Promise<{ sid: string; sentAt: number; ackMs: number }>[] = [];
const start = performance.now();
for (let i = 0; i < RATE * ACK_SECONDS; i++) {
  const due = start + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  sends.push(webhook('Where is my order?'));
}
const acked = await Promise.all(sends);
const ids = acked.map((a) => caseWorkflowId('sms', a.sid));
await waitUntil(() => ids.every((id) => sender.calledAt.has(id)), 120_000);
const overhead = acked.map((a) => sender.calledAt.get(caseWorkflowId('sms', a.sid))! - a.sentAt).filter(Number.isFinite);

// 2. Decision accepted → provider called.
const reviewCases = await Promise.all(Array.from({ length: 40 }, () => webhook('[review] Where is my order?')));
const reviewIds = reviewCases.map((c) => caseWorkflowId('sms', c.sid));
for (const id of reviewIds) {
  const handle = client.workflow.getHandle(id);
  while ((await handle.query(stateQuery)).stage !== 'awaiting_review') await sleep(20);
}
const decisionMs: number[] = [];
for (const id of reviewIds) {
  await client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'bench@example.com' }] });
  const accepted = performance.now();
  await waitUntil(() => sender.calledAt.has(id), 30_000);
  decisionMs.push(sender.calledAt.get(id)! - accepted);
}

// 3. Throughput: full auto-send cases vs a bare one-activity workflow, same server, same worker.
const BATCH = 200;
async function throughput(startOne: (i: number) => Promise<string>, finished: (id: string) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  const started = await Promise.all(Array.from({ length: BATCH }, (_, i) => startOne(i)));
  await Promise.all(started.map(finished));
  return BATCH / ((performance.now() - t0) / 1000);
}
const bare = await throughput(
  async () => (await client.workflow.start('benchBareWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: `bare-${randomUUID()}` })).workflowId,
  (id) => client.workflow.getHandle(id).result(),
);
const full = await throughput(
  async () => caseWorkflowId('sms', (await webhook('Where is my order?')).sid),
  (id) => client.workflow.getHandle(id).result().then(() => undefined),
);
const memoryAfter = process.memoryUsage().rss;

const acks = acked.map((a) => a.ackMs);
const results = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  webhookAck: { ratePerSecond: RATE, messages: acks.length, p50_ms: round(percentile(acks, 50)), p99_ms: round(percentile(acks, 99)), target_p99_ms: 50 },
  pipelineOverhead: { cases: overhead.length, p50_ms: round(percentile(overhead, 50)), p95_ms: round(percentile(overhead, 95)), target_p95_ms: 300 },
  decisionToProvider: { decisions: decisionMs.length, p50_ms: round(percentile(decisionMs, 50)), p99_ms: round(percentile(decisionMs, 99)), target_p99_ms: 300 },
  throughput: { batch: BATCH, bare_per_s: round(bare), full_case_per_s: round(full), ratio: round(full / bare, 2), target_ratio: 0.5 },
  processRssMb: { before: round(memoryBefore / 2 ** 20), after: round(memoryAfter / 2 ** 20) },
};

console.log('\nCountersign benchmark (API, worker and load generator in one process; dev server on SQLite)\n');
console.table({
  'webhook ack @50/s': { p50: results.webhookAck.p50_ms, 'p95/p99': results.webhookAck.p99_ms, target: 'p99 ≤ 50 ms' },
  'webhook → provider (auto-send)': { p50: results.pipelineOverhead.p50_ms, 'p95/p99': results.pipelineOverhead.p95_ms, target: 'p95 ≤ 300 ms' },
  'decision → provider': { p50: results.decisionToProvider.p50_ms, 'p95/p99': results.decisionToProvider.p99_ms, target: 'p99 ≤ 300 ms' },
  'throughput full/bare (per s)': { p50: `${results.throughput.full_case_per_s}/${results.throughput.bare_per_s}`, 'p95/p99': results.throughput.ratio, target: 'ratio ≥ 0.5' },
});
const out = path.resolve('bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));

server.closeAllConnections();
server.close();
await events.close();
worker.shutdown();
await running;
await native.close();
await connection.close();
await orm.close();
await temporal.stop();
await pg.stop();
