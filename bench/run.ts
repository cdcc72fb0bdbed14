// `npm run bench`: the case pipeline's speed on this machine. Starts embedded PostgreSQL, a Temporal dev
// server (SQLite), the API in this process, one worker in its own process (the product's worker entry),
// and a 0 ms OpenAI-compatible endpoint. Provider calls are timed by the Twilio emulator's own records.
// Prints a table; writes bench/results/latest.json.
import { Client, Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';
import { buildApp } from '../api/app.js';
import { CaseEventHub } from '../api/case-event-hub.js';
import { EmulatorMessageSchema } from '../db/entities/index.js';
import { initOrm, migrate } from '../db/orm.js';
import { EMULATOR_BUSINESS_NUMBER, loadConfig } from '../runtime/config.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { freePorts } from '../runtime/ports.js';
import { provisionTemporalCli } from '../runtime/temporal-cli.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { caseWorkflowId, decideUpdate, stateQuery } from '../workflows/contract.js';
import { startFakeLlm } from './fake-llm.js';
import { percentile, round } from './stats.js';

const RATE = 50;
const ACK_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = 200;
const now = () => performance.timeOrigin + performance.now();

const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-'));
const [pgPort, temporalPort, apiPort, llmPort] = (await freePorts(4)) as [number, number, number, number];
const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, console.log);
if (!cli) throw new Error('the benchmark needs the Temporal CLI (npm run setup:temporal)');
const [pg, temporal, llm] = await Promise.all([
  startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: pgPort, persistent: false }),
  startDevServer({ cli: cli.path, port: temporalPort, namespace: 'default', dbFilename: path.join(root, 'temporal.db') }),
  startFakeLlm(llmPort),
]);
const env = {
  PORT: String(apiPort), DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
  OPENAI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`, OPENAI_API_KEY: 'bench', LLM_MODEL: 'bench',
  COUNTERSIGN_REVIEW_TIMEOUT: '1h', COUNTERSIGN_ESCALATION_TIMEOUT: '1h',
};
const config = loadConfig(env);
const orm = await initOrm({ clientUrl: pg.url, pool: { min: 2, max: 20 } });
await migrate(orm);
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });
const events = new CaseEventHub(pg.url);
await events.start();
const server = buildApp({ config, orm, temporal: client, caseEvents: events }).listen(apiPort, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${apiPort}`;

const worker = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), '--import', 'tsx', path.resolve('bench/worker.ts')], {
  env: { ...process.env, ...env, LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'ERROR' }, stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => worker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('polling') && resolve()));
const workerRssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'))?.[1]) / 1024;
const rssAtStart = workerRssMb();

async function webhook(body: string): Promise<{ caseId: string; to: string; sentAt: number; ackMs: number }> {
  const sid = `SM${randomUUID().replaceAll('-', '')}`;
  const from = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const params = { MessageSid: sid, From: from, To: EMULATOR_BUSINESS_NUMBER, Body: body };
  const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken, `${config.publicUrl}/webhooks/twilio/messages`, params);
  const sentAt = now();
  const response = await fetch(`${url}/webhooks/twilio/messages`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params),
  });
  await response.text();
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  return { caseId: caseWorkflowId('sms', sid), to: from, sentAt, ackMs: now() - sentAt };
}

/** When the emulator (standing in for Twilio) accepted the reply to each number. */
async function providerCalledAt(numbers: string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const rows = await orm.em.fork().find(EmulatorMessageSchema, { to: { $in: numbers } }, { fields: ['to', 'dateCreated'] });
    if (rows.length >= numbers.length || Date.now() > deadline) return new Map(rows.map((r) => [r.to, r.dateCreated.getTime()]));
    await sleep(100);
  }
}

// 1. Webhook acknowledgement and webhook → provider at 50 messages/s on the auto-send path.
const inFlight: ReturnType<typeof webhook>[] = [];
const start = now();
for (let i = 0; i < RATE * ACK_SECONDS; i++) {
  const wait = start + (i * 1000) / RATE - now();
  if (wait > 0) await sleep(wait);
  inFlight.push(webhook('Where is my order?'));
}
const acked = await Promise.all(inFlight);
const sentTimes = await providerCalledAt(acked.map((a) => a.to), 180_000);
const overhead = acked.flatMap((a) => (sentTimes.has(a.to) ? [sentTimes.get(a.to)! - a.sentAt] : []));

// 1b. The same path at a rate the server sustains: the pipeline's own overhead, without queueing.
const SUSTAINED_RATE = 5;
const sustained: Awaited<ReturnType<typeof webhook>>[] = [];
for (let i = 0; i < SUSTAINED_RATE * ACK_SECONDS; i++) {
  sustained.push(await webhook('Where is my order?'));
  await sleep(1000 / SUSTAINED_RATE);
}
const sustainedSent = await providerCalledAt(sustained.map((a) => a.to), 60_000);
const sustainedOverhead = sustained.flatMap((a) => (sustainedSent.has(a.to) ? [sustainedSent.get(a.to)! - a.sentAt] : []));

// 2. Decision accepted → provider called.
const review = await Promise.all(Array.from({ length: 40 }, () => webhook('[review] Where is my order?')));
for (const c of review) {
  while ((await client.workflow.getHandle(c.caseId).query(stateQuery)).stage !== 'awaiting_review') await sleep(20);
}
const decisionMs: number[] = [];
for (const c of review) {
  await client.workflow.getHandle(c.caseId).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'bench@example.com' }] });
  const accepted = now();
  const sent = (await providerCalledAt([c.to], 30_000)).get(c.to);
  if (sent) decisionMs.push(sent - accepted);
}

// 3. Throughput: full auto-send cases vs a bare one-activity workflow, same server, same worker.
async function throughput(startAll: () => Promise<string[]>): Promise<number> {
  const t0 = now();
  const ids = await startAll();
  await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
  return BATCH / ((now() - t0) / 1000);
}
const bare = await throughput(() => Promise.all(Array.from({ length: BATCH }, async () =>
  (await client.workflow.start('benchBareWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: `bare-${randomUUID()}` })).workflowId)));
const full = await throughput(async () => (await Promise.all(Array.from({ length: BATCH }, () => webhook('Where is my order?')))).map((c) => c.caseId));
const rssAtEnd = workerRssMb();

const acks = acked.map((a) => a.ackMs);
const results = {
  at: new Date().toISOString(),
  setup: 'API + load generator in one process, one worker process, Temporal dev server (SQLite), embedded PostgreSQL, 0 ms OpenAI-compatible endpoint, Twilio emulator',
  machine: { cpus: os.cpus().length, node: process.version },
  webhookAck: { ratePerSecond: RATE, messages: acks.length, p50_ms: round(percentile(acks, 50)), p99_ms: round(percentile(acks, 99)), target_p99_ms: 50 },
  pipelineOverhead: { cases: overhead.length, sent: sentTimes.size, p50_ms: round(percentile(overhead, 50)), p95_ms: round(percentile(overhead, 95)), target_p95_ms: 300 },
  pipelineOverheadSustained: { ratePerSecond: SUSTAINED_RATE, cases: sustainedOverhead.length, p50_ms: round(percentile(sustainedOverhead, 50)), p95_ms: round(percentile(sustainedOverhead, 95)), target_p95_ms: 300 },
  decisionToProvider: { decisions: decisionMs.length, p50_ms: round(percentile(decisionMs, 50)), p99_ms: round(percentile(decisionMs, 99)), target_p99_ms: 300 },
  throughput: { batch: BATCH, bare_per_s: round(bare), full_case_per_s: round(full), ratio: round(full / bare, 2), target_ratio: 0.5 },
  workerRssMb: { start: round(rssAtStart), end: round(rssAtEnd) },
};

console.log(`\nCountersign benchmark — ${results.setup}\n`);
console.table({
  'webhook ack @50/s': { p50: results.webhookAck.p50_ms, tail: `p99 ${results.webhookAck.p99_ms}`, target: 'p99 ≤ 50 ms' },
  'webhook → provider @50/s': { p50: results.pipelineOverhead.p50_ms, tail: `p95 ${results.pipelineOverhead.p95_ms}`, target: 'p95 ≤ 300 ms' },
  [`webhook → provider @${SUSTAINED_RATE}/s`]: { p50: results.pipelineOverheadSustained.p50_ms, tail: `p95 ${results.pipelineOverheadSustained.p95_ms}`, target: 'p95 ≤ 300 ms' },
  'decision → provider': { p50: results.decisionToProvider.p50_ms, tail: `p99 ${results.decisionToProvider.p99_ms}`, target: 'p99 ≤ 300 ms' },
  'cases/s full vs bare': { p50: `${results.throughput.full_case_per_s} / ${results.throughput.bare_per_s}`, tail: `ratio ${results.throughput.ratio}`, target: 'ratio ≥ 0.5' },
  'worker RSS (MB)': { p50: results.workerRssMb.start, tail: `end ${results.workerRssMb.end}`, target: 'flat' },
});
const out = path.resolve('bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));

worker.kill('SIGTERM');
await once(worker, 'exit');
server.closeAllConnections();
server.close();
await events.close();
await connection.close();
await orm.close();
await Promise.all([temporal.stop(), pg.stop(), new Promise((resolve) => llm.close(resolve))]);
