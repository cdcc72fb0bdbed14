// Twilio delivering in bursts: rounds of 100 simultaneous webhooks, a fifth of them Twilio's retries of a
// message it already delivered. Measures each acknowledgement and then counts, for every message sent, the
// cases and workflow runs it produced: exactly one each, none lost, none twice.
import { randomUUID } from 'node:crypto';
import { CaseSchema } from '../db/entities/index.js';
import { percentile, round } from './stats.js';
import type { BenchStack } from './stack.js';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What 100 simultaneous requests cost this setup before any work: GET /healthz, answered without I/O, from
 * the same load generator (its own process) as the webhooks. The floor under the webhook figures.
 */
export async function httpFloor(stack: BenchStack, { rounds = 5, concurrency = 100 } = {}) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      const start = performance.now();
      await (await fetch(`http://127.0.0.1:${stack.config.port}/healthz`)).text();
      times.push(performance.now() - start);
    }));
  }
  return { requests: times.length, p50_ms: round(percentile(times, 50)), p99_ms: round(percentile(times, 99)) };
}

/** `unpolled`: to the API whose task queue no worker polls, so only the acknowledgement path is measured. */
export async function runConcurrentDeliveries(stack: BenchStack, { rounds = 5, concurrency = 100, retryShare = 0.2, unpolled = false } = {}) {
  const acks: number[] = [];
  let notAnswered200 = 0;
  const sids = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    const unique = Math.round(concurrency * (1 - retryShare));
    const messages = Array.from({ length: unique }, () => ({ sid: `SM${randomUUID().replaceAll('-', '')}`, from: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` }));
    const deliveries = [...messages, ...messages.slice(0, concurrency - unique)];
    for (const m of messages) sids.add(m.sid);
    const answered = await Promise.all(deliveries.map((m) => stack.webhook('[review] Is my order on its way?', { sid: m.sid, from: m.from, unpolled })));
    acks.push(...answered.map((a) => a.ackMs));
    notAnswered200 += answered.filter((a) => a.status !== 200).length;
    await sleep(500);
  }
  // Every case records itself in its first step; give the worker time to catch up, then count.
  const ids = [...sids].map((sid) => `msg:sms:${sid}`);
  let recorded = 0;
  // With no worker, nothing records a case: only the workflow runs can be counted.
  for (let waited = 0; !unpolled && waited < 120_000 && recorded < ids.length; waited += 500) {
    recorded = await stack.orm.em.fork().count(CaseSchema, { id: { $in: ids } });
    if (recorded < ids.length) await sleep(500);
  }
  let runs = 0;
  for (const id of ids) {
    for await (const _ of stack.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs++;
  }
  return {
    rounds, concurrency, deliveries: acks.length, messages: ids.length, notAnswered200,
    p50_ms: round(percentile(acks, 50)), p99_ms: round(percentile(acks, 99)), max_ms: round(Math.max(...acks)), target_p99_ms: 50,
    casesRecorded: unpolled ? null : recorded, workflowRuns: runs, lost: ids.length - (unpolled ? runs : recorded), duplicated: runs - ids.length,
  };
}
