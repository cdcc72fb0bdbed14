// What a `state` query does to a case when it is answered right after the case's worker died, and how an
// operator recovers the case (README, "Known limits"). The first test pins an SDK behaviour (core, 1.24.0) as
// it is today: when it fails, an SDK upgrade has fixed it. The second is the recovery with the Temporal CLI.
// No luck is involved: the test puts the events in the wedging order itself. The draft is answered a third of
// the sticky timeout (0.7 s) after the query goes out, so the query still waits on the dead worker's queue when
// the draft completes, and the draft's task still waits there when the query is answered; the Update follows.
import { Worker } from '@temporalio/worker';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CaseSchema } from '../../db/entities/index.js';
import { STICKY_QUEUE_TIMEOUT } from '../../workers/create-worker.js';
import { decideUpdate, deliverySignal, stateQuery } from '../../workflows/contract.js';
import { parseDuration } from '../../domain/duration.js';
import { openCase, repliesTo, waitForCaseRow, type TestCase } from '../helpers/cases.js';
import { startScriptedLlm, type ScriptedLlm } from '../helpers/openai-server.js';
import { spawnWorker, type ProductProcess } from '../helpers/product-process.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

const run = promisify(execFile);
const DRAFT = 'Your order 5150 left our warehouse yesterday.';
const LLM_ANSWER = JSON.stringify({ reply: DRAFT, intent: 'order_status', confidence: 0.5, reasoning: 'r', sources: [], needs_human: true, human_reason: '' });
const STICKY_MS = parseDuration(STICKY_QUEUE_TIMEOUT);
const FIX_HINT = 'If this fails, the SDK no longer runs a case ahead of its history on a query: remove the "Known limits" entry '
  + '(README) and the reset recovery for it, and turn this test into a plain replay check.';

interface HistoryEvent { eventId: string; eventType: string; eventTime: string; [attributes: string]: unknown }
interface History { events: HistoryEvent[] }

let stack: Stack;
let llm: ScriptedLlm;
let workerEnv: Record<string, string>;
const workers: ProductProcess[] = [];
const draftRequested: (() => void)[] = [];
const draftRequests = [0, 1].map((i) => new Promise<void>((resolve) => (draftRequested[i] = resolve)));

beforeAll(async () => {
  // The first draft request never gets its answer (its worker dies waiting). The retry on the next worker is
  // answered after a third of the sticky timeout: after the test's query has gone out, before that query can
  // give up on the dead worker's queue.
  llm = await startScriptedLlm((_, index) => {
    draftRequested[index]?.();
    return { content: LLM_ANSWER, delayMs: index === 0 ? 30_000 : Math.round(STICKY_MS / 3) };
  });
  stack = await startStack({ worker: false });
  workerEnv = { OPENAI_BASE_URL: llm.baseUrl, LLM_MODEL: 'query-crash-model' };
  workers.push(await spawnWorker(stack, workerEnv));
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await stack?.stop();
  await llm?.close();
});

/** The case's history as `temporal workflow show --output json` prints it: what an operator reads. */
async function showHistory(caseId: string): Promise<History> {
  const { stdout } = await temporal('workflow', 'show', '--workflow-id', caseId, '--output', 'json');
  return JSON.parse(stdout) as History;
}
function temporal(...args: string[]) {
  return run(inject('temporalCli'), [...args, '--address', stack.config.temporal.address!], { maxBuffer: 16 * 1024 * 1024 });
}
const is = (type: string) => (event: HistoryEvent) => event.eventType === `EVENT_TYPE_${type}`;
const idOf = (event: HistoryEvent | undefined) => Number(event?.eventId);

/** The `WorkflowTaskCompleted` just before the decision's `UpdateAccepted`: the reset point the README gives. */
function taskThatAcceptedTheDecision(history: History): HistoryEvent {
  const accepted = history.events.findLastIndex(is('WORKFLOW_EXECUTION_UPDATE_ACCEPTED'));
  return history.events.slice(0, accepted).findLast(is('WORKFLOW_TASK_COMPLETED'))!;
}

describe('a state query answered while a case waits on its dead worker', () => {
  let testCase: TestCase;
  let wedged: History;

  it('runs the case ahead of its history, and a decision accepted then records an order that does not replay', async () => {
    testCase = await openCase(stack, 'Where is my order 5150?', { drafting: { maximumAttempts: 3, initialInterval: '200ms' } });
    await draftRequests[0];
    // The next worker is already polling when the first dies, as in any deployment with two of them.
    workers.push(await spawnWorker(stack, workerEnv));
    // Answered by the first worker on its own (sticky) queue, which it thereby polled moments before dying,
    // as a worker with steady traffic always has.
    expect((await testCase.handle.query(stateQuery)).stage).toBe('drafting');
    await workers[0]!.kill();

    // The second worker retries the draft (after the 5 s heartbeat timeout). The query goes out now, to the
    // dead worker's queue; it waits there for the sticky timeout, then any worker may answer it.
    await draftRequests[1];
    const answered = testCase.handle.query(stateQuery).then((state) => ({ state, at: Date.now() }));
    // The draft completes meanwhile; its workflow task also waits on the dead worker's queue. A reviewer
    // decides now: the Update waits for that task.
    await waitFor(() => testCase.handle.describe(), (described) => !described.raw.pendingActivities?.length, 'the retried draft');
    const decided = testCase.handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'ops@example.com' }] });

    const { state, at } = await answered;
    const readModel = await stack.orm.em.fork().findOne(CaseSchema, { id: testCase.caseId });
    expect(await decided).toMatchObject({ stage: 'sending', decision: { decision: 'approve' } });

    wedged = await showHistory(testCase.caseId);
    const draftDone = wedged.events.findIndex(is('ACTIVITY_TASK_COMPLETED'));
    const nextTask = wedged.events.slice(draftDone).find(is('WORKFLOW_TASK_STARTED'))!;
    // The set-up held: the draft was done when the query was answered.
    expect(Date.parse(wedged.events[draftDone]!.eventTime), 'set-up, not the SDK: the draft finished after the query was answered')
      .toBeLessThan(at);
    // The query's answer: the case reviewed, its read model written by local activities that ran for the
    // query, before any workflow task had processed the draft's result.
    expect(state.stage, FIX_HINT).toBe('awaiting_review');
    expect(readModel?.stage, FIX_HINT).toBe('awaiting_review');
    expect(Date.parse(nextTask.eventTime), FIX_HINT).toBeGreaterThan(at);
    // So the task that accepted the decision reports the local activities first, then the Update; a replay
    // delivers the Update together with the draft's result and takes another path.
    const task = taskThatAcceptedTheDecision(wedged);
    const accepted = wedged.events.find(is('WORKFLOW_EXECUTION_UPDATE_ACCEPTED'))!;
    const between = wedged.events.filter((event) => idOf(event) > idOf(task) && idOf(event) < idOf(accepted));
    expect(between.some(is('MARKER_RECORDED')), FIX_HINT).toBe(true);
    const replay = Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, wedged, `${testCase.caseId}-replay`);
    await expect(replay, FIX_HINT).rejects.toThrow(/TMPRL1100/);
  });

  it('is stuck once another worker replays it; a reset to the task before the decision recovers it, and the customer gets one reply', async () => {
    // The worker that ran ahead still has the case cached and sends the reply.
    await waitForCaseRow(stack.orm, testCase.caseId, 'sent');
    const [sent] = await repliesTo(stack, testCase.customer);
    // A restart (or a cache eviction) later, the next event makes another worker replay the case: it fails.
    await workers[1]!.kill();
    workers.push(await spawnWorker(stack, workerEnv));
    await testCase.handle.signal(deliverySignal, { providerMessageId: sent!.sid, status: 'delivered' });
    await waitFor(() => showHistory(testCase.caseId), (history) => history.events.some((event) => is('WORKFLOW_TASK_FAILED')(event)
      && JSON.stringify(event).includes('TMPRL1100')), 'the workflow task failing as non-deterministic', 30_000);

    // The operator's recovery (README, "Known limits"): reset to the task that accepted the decision.
    const resetTo = taskThatAcceptedTheDecision(await showHistory(testCase.caseId));
    await temporal('workflow', 'reset', '--workflow-id', testCase.caseId, '--event-id', resetTo.eventId,
      '--reason', 'decision recorded out of order after a worker crash');

    // The case is asked again: the reset re-offers the decision, which arrives with the draft's result and is
    // handled first, so the case is still drafting and refuses it (a refused Update leaves no event).
    await waitForCaseRow(stack.orm, testCase.caseId, 'awaiting_review');
    const reset = await showHistory(testCase.caseId);
    expect(reset.events.filter(is('WORKFLOW_EXECUTION_UPDATE_ADMITTED'))).toHaveLength(1);
    expect(reset.events.filter(is('WORKFLOW_EXECUTION_UPDATE_ACCEPTED'))).toHaveLength(0);
    expect(await testCase.handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'ops@example.com' }] }))
      .toMatchObject({ stage: 'sending' });
    // The second approval finds the reply already sent (the send ledger): the customer has it once.
    // (The delivery report the reset re-applied closes the case.)
    expect(await testCase.handle.result()).toMatchObject({ stage: 'sent', delivery: { status: 'delivered' } });
    expect((await repliesTo(stack, testCase.customer)).map((reply) => reply.body)).toEqual([DRAFT]);
    // The recovered case, closed, replays like any other.
    const recovered = await showHistory(testCase.caseId);
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, recovered, `${testCase.caseId}-recovered`))
      .resolves.toBeUndefined();
  });
});
