// `npx tsx bench/cache-memory.ts`: what one cached case costs a worker's resident memory, the figure
// workers/workflow-cache.ts sizes the workflow cache with. Opens cases that wait for a reviewer (so each
// stays in the cache) in steps, with a cache large enough to hold them all, and reads the worker's RSS
// after each step. With WORKER_MEMORY_MB set, shows the same steps under that budget: RSS levels off once the
// cache is full. Writes bench/results/cache-memory.json (the last run of each budget).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseSchema } from '../db/entities/index.js';
import { round } from './stats.js';
import { startBenchStack } from './stack.js';
import { maxCachedWorkflowsFor } from '../workers/workflow-cache.js';

const STEP = 300;
const STEPS = 4;
process.env.WORKER_MEMORY_MB ??= '16000';
const stack = await startBenchStack();
const settle = async () => {
  await sleep(10_000);
  return round(stack.workerRssMb());
};
const samples = [{ openCases: 0, rssMb: await settle() }];
for (let step = 1; step <= STEPS; step++) {
  const sent = await Promise.all(Array.from({ length: STEP }, () => stack.webhook('[review] Where is my order?')));
  const ids = sent.filter((s) => s.status === 200).map((s) => s.caseId);
  // Each waits for a reviewer once its draft is recorded.
  while (await stack.orm.em.fork().count(CaseSchema, { id: { $in: ids }, stage: 'awaiting_review' }) < ids.length) await sleep(500);
  samples.push({ openCases: step * STEP, rssMb: await settle() });
}
const perCase = (samples.at(-1)!.rssMb - samples[1]!.rssMb) / (samples.at(-1)!.openCases - samples[1]!.openCases);
const budget = Number(process.env.WORKER_MEMORY_MB);
const run = { at: new Date().toISOString(), workerMemoryMb: budget, maxCachedWorkflows: maxCachedWorkflowsFor(budget), samples, mbPerCaseAfterTheFirstStep: round(perCase, 2) };
const file = path.resolve('bench/results/cache-memory.json');
const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs?: typeof run[] }).runs ?? [] : [];
const runs = earlier.filter((r) => r.workerMemoryMb !== budget);
const results = { runs: [...runs, run].sort((a, b) => b.workerMemoryMb - a.workerMemoryMb) };
console.table(samples);
console.log(JSON.stringify(results));
mkdirSync(path.resolve('bench/results'), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
await stack.stop();
