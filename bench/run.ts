// `npm run bench`: the case pipeline's speed on this machine (stack: bench/stack.ts). Prints a table;
// writes bench/results/latest.json.
// `npm run bench -- --duration 10m [--rate 8]`: instead, a sustained run at a rate the machine keeps up
// with, sampling the worker's memory; writes bench/results/sustained.json (bench/sustained.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { decideUpdate, stateQuery } from '../workflows/contract.js';
import { parseDuration } from '../domain/duration.js';
import { percentile, round } from './stats.js';
import { BENCH_WORKER_MEMORY_MB, now, sendAtRate, startBenchStack, type Webhook } from './stack.js';
import { httpFloor, runConcurrentDeliveries } from './concurrent-webhooks.js';
import { runSustained } from './sustained.js';
import { runApiBench } from './api.js';
import { runDraftingBench } from './drafting.js';
import { countHistories } from './case-cost.js';
import { cpuMeter } from './processes.js';
import { maxCachedWorkflowsFor, workerMemoryBudgetMb } from '../workers/workflow-cache.js';

// --pipeline-only: skip the API and drafting benchmarks (steps 4 and 5), keeping their last figures.
const { values: args } = parseArgs({ options: { duration: { type: 'string' }, rate: { type: 'string' }, 'pipeline-only': { type: 'boolean' } } });
const RATE = 50;
const ACK_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = 200;

const stack = await startBenchStack();
const { client, config } = stack;
const out = path.resolve('bench/results');
mkdirSync(out, { recursive: true });
const setup = 'load generator, API and worker in three processes, Temporal dev server (SQLite), embedded PostgreSQL, 0 ms OpenAI-compatible endpoint, Twilio emulator, all on the same cores';
const machine = { cpus: os.cpus().length, node: process.version };
const latestPath = path.join(out, 'latest.json');
const previous = existsSync(latestPath) ? JSON.parse(readFileSync(latestPath, 'utf8')) as Record<string, unknown> : {};

if (args.duration) {
  const results = { at: new Date().toISOString(), setup, machine, ...await runSustained(stack, parseDuration(args.duration), Number(args.rate ?? 8)) };
  writeFileSync(path.join(out, 'sustained.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results));
  await stack.stop();
  process.exit(0);
}
const rssAtStart = stack.workerRssMb();
// The worker's memory through the whole run, labelled with the step running at the time.
const t0 = now();
let phase = 'idle';
const rssSamples: { atSeconds: number; phase: string; rssMb: number }[] = [];
const sampleRss = () => rssSamples.push({ atSeconds: round((now() - t0) / 1000, 0), phase, rssMb: round(stack.workerRssMb()) });
sampleRss();
const rssSampler = setInterval(sampleRss, 5_000);

phase = 'ack alone @50/s';
// 0. The acknowledgement path on its own: the same API and Temporal server, a task queue no worker polls.
const ackOnly = (await sendAtRate(stack, RATE * ACK_SECONDS, RATE, 'Where is my order?', { unpolled: true })).map((a) => a.ackMs);

// 0b. Bursts of 100 simultaneous deliveries (a fifth of them retries): alone, then with cases being worked.
phase = 'bursts';
const floor = await httpFloor(stack);
const burstsAlone = await runConcurrentDeliveries(stack, { unpolled: true });
const bursts = await runConcurrentDeliveries(stack);

// 1. Webhook acknowledgement and webhook → provider at 50 messages/s on the auto-send path.
phase = 'auto-send @50/s';
const acked = await sendAtRate(stack, RATE * ACK_SECONDS, RATE, 'Where is my order?');
const sentTimes = await stack.providerCalledAt(acked.filter((a) => a.status === 200).map((a) => a.to), 180_000);
const overhead = acked.flatMap((a) => (sentTimes.has(a.to) ? [sentTimes.get(a.to)! - a.sentAt] : []));

// 1b. The same path at a rate the server sustains: the pipeline's own overhead, without queueing.
const SUSTAINED_RATE = 5;
phase = `auto-send @${SUSTAINED_RATE}/s`;
const sustained: Webhook[] = [];
for (let i = 0; i < SUSTAINED_RATE * ACK_SECONDS; i++) {
  sustained.push(await stack.webhook('Where is my order?'));
  await sleep(1000 / SUSTAINED_RATE);
}
const sustainedSent = await stack.providerCalledAt(sustained.map((a) => a.to), 60_000);
const sustainedOverhead = sustained.flatMap((a) => (sustainedSent.has(a.to) ? [sustainedSent.get(a.to)! - a.sentAt] : []));

// 2. Decision accepted → provider called.
phase = 'decisions';
const review = await Promise.all(Array.from({ length: 40 }, () => stack.webhook('[review] Where is my order?')));
for (const c of review) {
  while ((await client.workflow.getHandle(c.caseId).query(stateQuery)).stage !== 'awaiting_review') await sleep(20);
}
const decisionMs: number[] = [];
for (const c of review) {
  await client.workflow.getHandle(c.caseId).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'bench@example.com' }] });
  const accepted = now();
  const sent = (await stack.providerCalledAt([c.to], 30_000)).get(c.to);
  if (sent) decisionMs.push(sent - accepted);
}

// 3. Throughput: full auto-send cases vs a bare one-activity workflow, same server, same worker; what each
// costs in workflow tasks, activity tasks, markers and signals (from the histories), and in CPU per process.
const { loadGenerator: _self, ...servicePids } = stack.pids;
async function throughput(startAll: () => Promise<string[]>) {
  const started = now();
  // The load generator is the parent of every other process: its own time only.
  const cpu = cpuMeter(stack.pids, ['loadGenerator']);
  const ids = await startAll();
  await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
  const seconds = (now() - started) / 1000;
  const cpuSeconds = cpu();
  const cpuMsPerWorkflow = Object.fromEntries(Object.entries(cpuSeconds).map(([name, s]) => [name, round((s * 1000) / BATCH)]));
  const busy = Object.keys(servicePids).reduce((sum, name) => sum + cpuSeconds[name]!, 0);
  return { perSecond: BATCH / seconds, ids, cpuMsPerWorkflow, coresBusy: round((busy + cpuSeconds.loadGenerator!) / seconds, 2) };
}
phase = 'throughput: bare';
const bare = await throughput(() => Promise.all(Array.from({ length: BATCH }, async () =>
  (await client.workflow.start('benchBareWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: `bare-${randomUUID()}` })).workflowId)));
phase = 'throughput: full case';
const full = await throughput(async () => (await Promise.all(Array.from({ length: BATCH }, () => stack.webhook('Where is my order?')))).map((c) => c.caseId));
phase = 'counting histories';
const HISTORY_SAMPLE = 50;
const [bareHistory, fullHistory] = [await countHistories(client, bare.ids.slice(0, HISTORY_SAMPLE)), await countHistories(client, full.ids.slice(0, HISTORY_SAMPLE))];

// 3b. Acknowledgement and webhook → provider at 80 % of the full-case throughput just measured: a load the
// machine keeps up with, so the figures are the pipeline's, not a backlog's.
const capacityRate = Math.max(1, Math.round(full.perSecond * 0.8 * 10) / 10);
phase = `auto-send @${capacityRate}/s (80 % of capacity)`;
const atCapacity = await sendAtRate(stack, Math.round(capacityRate * ACK_SECONDS * 3), capacityRate, 'Where is my order?');
const capacitySent = await stack.providerCalledAt(atCapacity.filter((a) => a.status === 200).map((a) => a.to), 120_000);
const capacityOverhead = atCapacity.flatMap((a) => (capacitySent.has(a.to) ? [capacitySent.get(a.to)! - a.sentAt] : []));
const capacityAcks = atCapacity.map((a) => a.ackMs);
// The same counts for cases the machine was not overloaded by (the throughput step starts 200 at once).
const capacityHistory = await countHistories(client, atCapacity.filter((a) => capacitySent.has(a.to)).slice(0, HISTORY_SAMPLE).map((a) => a.caseId));
phase = 'idle';
await sleep(5_000);
clearInterval(rssSampler);
sampleRss();
const rssAtEnd = stack.workerRssMb();
const workerBudgetMb = workerMemoryBudgetMb({ WORKER_MEMORY_MB: process.env.WORKER_MEMORY_MB ?? BENCH_WORKER_MEMORY_MB });

const acks = acked.map((a) => a.ackMs);
const results = {
  at: new Date().toISOString(),
  setup,
  machine,
  webhookAck: { ratePerSecond: RATE, messages: acks.length, notAnswered200: acked.filter((a) => a.status !== 200).length, p50_ms: round(percentile(acks, 50)), p99_ms: round(percentile(acks, 99)), target_p99_ms: 50 },
  httpFloorBursts: { ...floor, note: 'GET /healthz, 100 at once, from the load generator to the API process: the floor of this setup' },
  webhookBursts: bursts,
  webhookBurstsAlone: { ...burstsAlone, note: 'task queue no worker polls: the acknowledgement path alone' },
  webhookAckAlone: { ratePerSecond: RATE, messages: ackOnly.length, p50_ms: round(percentile(ackOnly, 50)), p99_ms: round(percentile(ackOnly, 99)), note: 'task queue no worker polls: signature check, workflow start, answer, without case processing on the same cores' },
  pipelineOverhead: { cases: overhead.length, sent: sentTimes.size, p50_ms: round(percentile(overhead, 50)), p95_ms: round(percentile(overhead, 95)), target_p95_ms: 300 },
  pipelineOverheadSustained: { ratePerSecond: SUSTAINED_RATE, cases: sustainedOverhead.length, p50_ms: round(percentile(sustainedOverhead, 50)), p95_ms: round(percentile(sustainedOverhead, 95)), target_p95_ms: 300 },
  decisionToProvider: { decisions: decisionMs.length, p50_ms: round(percentile(decisionMs, 50)), p99_ms: round(percentile(decisionMs, 99)), target_p99_ms: 300 },
  webhookAckAtCapacity: {
    ratePerSecond: capacityRate, messages: capacityAcks.length, notAnswered200: atCapacity.filter((a) => a.status !== 200).length, p50_ms: round(percentile(capacityAcks, 50)), p99_ms: round(percentile(capacityAcks, 99)),
    toProvider: { sent: capacitySent.size, p50_ms: round(percentile(capacityOverhead, 50)), p95_ms: round(percentile(capacityOverhead, 95)) },
    note: '80 % of the full-case throughput measured in this run',
  },
  throughput: { batch: BATCH, bare_per_s: round(bare.perSecond), full_case_per_s: round(full.perSecond), ratio: round(full.perSecond / bare.perSecond, 2), target_ratio: 0.5 },
  perWorkflow: {
    note: `averages over ${HISTORY_SAMPLE} histories of each kind from the throughput step; CPU per workflow while that step ran (the load generator is this process)`,
    bare: { ...bareHistory, cpuMs: bare.cpuMsPerWorkflow, coresBusy: bare.coresBusy },
    fullCase: { ...fullHistory, cpuMs: full.cpuMsPerWorkflow, coresBusy: full.coresBusy },
    fullCaseAt80PercentOfCapacity: capacityHistory,
  },
  workerRssMb: {
    start: round(rssAtStart), end: round(rssAtEnd), max: Math.max(...rssSamples.map((s) => s.rssMb)),
    budgetMb: workerBudgetMb, maxCachedWorkflows: maxCachedWorkflowsFor(workerBudgetMb),
    samples: rssSamples,
  },
};

console.log(`\nCountersign benchmark — ${results.setup}\n`);
console.table({
  'webhook ack @50/s': { p50: results.webhookAck.p50_ms, tail: `p99 ${results.webhookAck.p99_ms}`, target: 'p99 ≤ 50 ms' },
  'GET /healthz, 100 at once': { p50: results.httpFloorBursts.p50_ms, tail: `p99 ${results.httpFloorBursts.p99_ms}`, target: '(floor of this setup)' },
  'webhook ack, 100 at once, alone': { p50: results.webhookBurstsAlone.p50_ms, tail: `p99 ${results.webhookBurstsAlone.p99_ms}; lost ${results.webhookBurstsAlone.lost}, twice ${results.webhookBurstsAlone.duplicated}`, target: '(no worker load)' },
  'webhook ack, 100 at once': { p50: results.webhookBursts.p50_ms, tail: `p99 ${results.webhookBursts.p99_ms}; lost ${results.webhookBursts.lost}, twice ${results.webhookBursts.duplicated}`, target: 'p99 ≤ 50 ms, 0 / 0' },
  'webhook ack alone @50/s': { p50: results.webhookAckAlone.p50_ms, tail: `p99 ${results.webhookAckAlone.p99_ms}`, target: '(no worker load)' },
  'webhook → provider @50/s': { p50: results.pipelineOverhead.p50_ms, tail: `p95 ${results.pipelineOverhead.p95_ms}`, target: 'p95 ≤ 300 ms' },
  [`webhook → provider @${SUSTAINED_RATE}/s`]: { p50: results.pipelineOverheadSustained.p50_ms, tail: `p95 ${results.pipelineOverheadSustained.p95_ms}`, target: 'p95 ≤ 300 ms' },
  'decision → provider': { p50: results.decisionToProvider.p50_ms, tail: `p99 ${results.decisionToProvider.p99_ms}`, target: 'p99 ≤ 300 ms' },
  [`webhook ack @${capacityRate}/s (80 %)`]: { p50: results.webhookAckAtCapacity.p50_ms, tail: `p99 ${results.webhookAckAtCapacity.p99_ms}`, target: 'p99 ≤ 50 ms' },
  [`webhook → provider @${capacityRate}/s`]: { p50: results.webhookAckAtCapacity.toProvider.p50_ms, tail: `p95 ${results.webhookAckAtCapacity.toProvider.p95_ms}`, target: 'p95 ≤ 300 ms' },
  'cases/s full vs bare': { p50: `${results.throughput.full_case_per_s} / ${results.throughput.bare_per_s}`, tail: `ratio ${results.throughput.ratio}`, target: 'ratio ≥ 0.5' },
  'worker RSS (MB)': { p50: results.workerRssMb.start, tail: `max ${results.workerRssMb.max}, end ${results.workerRssMb.end}`, target: 'flat' },
});
const { samples: _samples, ...rssSummary } = results.workerRssMb;
console.table({ bare: results.perWorkflow.bare.perWorkflow, fullCase: results.perWorkflow.fullCase.perWorkflow, 'full @80 %': capacityHistory.perWorkflow });
console.table({ bare: results.perWorkflow.bare.cpuMs, fullCase: results.perWorkflow.fullCase.cpuMs });
console.log('worker RSS', rssSummary);
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));

if (args['pipeline-only']) {
  writeFileSync(latestPath, `${JSON.stringify({ ...results, api: previous.api, drafting: previous.drafting }, null, 2)}\n`);
  await stack.stop();
  process.exit(0);
}
// 4. The GraphQL API's read paths on seeded volume (bench/api.ts): its own PostgreSQL, this Temporal server.
const api = await runApiBench({ temporalAddress: config.temporal.address });
// 5. What a draft costs before the LLM call, over a 10,000-article knowledge base (bench/drafting.ts).
const drafting = await runDraftingBench();
console.table([{ p50_ms: drafting.p50_ms, p99_ms: drafting.p99_ms }]);
console.table(drafting.quality_starter_articles);
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify({ ...results, api, drafting }, null, 2)}\n`);
await stack.stop();
