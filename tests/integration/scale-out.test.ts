// Scaling out is more of the same processes: two API instances and two workers on one task queue, one
// Temporal server and one PostgreSQL. Cases spread across both workers, either API serves any case, and when
// one worker stops mid-run the other finishes its cases: every message answered once, none lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUpdate } from '../../workflows/contract.js';
import { receiveSms, repliesTo, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

let a: Stack;
let b: Stack;
beforeAll(async () => {
  a = await startStack({ workerIdentity: 'worker-a' });
  b = await startStack({ workerIdentity: 'worker-b', env: { TEMPORAL_TASK_QUEUE: a.config.temporal.taskQueue } });
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function send(stack: Stack, body: string) {
  const received = await receiveSms(stack, body);
  expect(received.response.status).toBe(200);
  return received;
}

/** Which workers completed this case's workflow tasks. */
async function workersOf(stack: Stack, caseId: string): Promise<Set<string>> {
  const history = await stack.client.workflow.getHandle(caseId).fetchHistory();
  return new Set(history.events!.flatMap((e) => e.workflowTaskCompletedEventAttributes?.identity ?? []));
}

describe('two APIs and two workers', () => {
  it('spread cases over both workers, serve them from either API, and finish them on one when the other stops', async () => {
    const cases = await Promise.all(Array.from({ length: 24 }, (_, i) => send(i % 2 ? b : a, `Where is my order ${8100 + i}?`)));
    await Promise.all(cases.map(({ caseId }) => waitForStage(a.client.workflow.getHandle(caseId), 'awaiting_review')));

    const identities = await Promise.all(cases.map(({ caseId }) => workersOf(a, caseId)));
    const perWorker = (name: string) => identities.filter((set) => set.has(name)).length;
    expect(perWorker('worker-a')).toBeGreaterThan(0);
    expect(perWorker('worker-b')).toBeGreaterThan(0);

    // Either API answers for any case, whichever worker runs it.
    const reviewerA = await signIn(a.url, a.orm, 'REVIEWER');
    const { data } = await gql(b.url, 'query($id: ID!) { case(id: $id) { id stage } }', { id: cases[0]!.caseId }, reviewerA.token);
    expect(data!.case).toEqual({ id: cases[0]!.caseId, stage: 'AWAITING_REVIEW' });

    // Half decided, then worker B stops; worker A takes over B's cases from their histories.
    const approve = (caseId: string) => a.client.workflow.getHandle(caseId).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'scale@example.com' }] });
    await Promise.all(cases.slice(0, 12).map(({ caseId }) => approve(caseId)));
    b.worker!.shutdown();
    await Promise.all(cases.slice(12).map(({ caseId }) => approve(caseId)));
    await Promise.all(cases.map(({ caseId }) => waitForStage(a.client.workflow.getHandle(caseId), 'sent')));

    const replies = await Promise.all(cases.map(({ customer }) => waitFor(() => repliesTo(a, customer), (r) => r.length > 0, `the reply to ${customer}`)));
    expect(replies.map((r) => r.length)).toEqual(cases.map(() => 1));
    const afterStop = await Promise.all(cases.slice(12).map(({ caseId }) => workersOf(a, caseId)));
    expect(afterStop.every((set) => set.has('worker-a'))).toBe(true);
  });
});
