// A worker process SIGKILLed in the middle of a case, as a crashed host or an OOM kill ends it: once while
// the LLM is drafting, once after Twilio took the reply but before the worker recorded it. The next worker
// process picks the case up from Temporal's history; the customer gets exactly one reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUpdate } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage, type TestCase } from '../helpers/cases.js';
import { startFaultyTwilio, type FaultyTwilio } from '../helpers/faulty-twilio.js';
import { startScriptedLlm, type ScriptedLlm } from '../helpers/openai-server.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';
import { spawnWorker, type WorkerProcess } from '../helpers/worker-process.js';

const DRAFT = 'Your order 9191 left our warehouse yesterday.';
const LLM_ANSWER = JSON.stringify({ reply: DRAFT, intent: 'order_status', confidence: 0.5, reasoning: 'r', sources: [], needs_human: true, human_reason: '' });

let stack: Stack;
let llm: ScriptedLlm;
let twilio: FaultyTwilio;
let workerEnv: Record<string, string>;
const workers: WorkerProcess[] = [];
let firstDraftRequested!: () => void;
const firstDraftArrived = new Promise<void>((resolve) => (firstDraftRequested = resolve));

beforeAll(async () => {
  // The first draft request never gets its answer (its worker dies waiting); later ones are answered.
  llm = await startScriptedLlm((_, index) => {
    if (index > 0) return { content: LLM_ANSWER };
    firstDraftRequested();
    return { content: LLM_ANSWER, delayMs: 30_000 };
  });
  twilio = await startFaultyTwilio(['accept-then-hang']);
  stack = await startStack({ worker: false, env: { TWILIO_EMULATOR_URL: `${twilio.url}/emulator/twilio` } });
  twilio.state.target = stack.url;
  workerEnv = { OPENAI_BASE_URL: llm.baseUrl, LLM_MODEL: 'crash-model', TWILIO_EMULATOR_URL: `${twilio.url}/emulator/twilio` };
  workers.push(await spawnWorker(stack, workerEnv));
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await stack?.stop();
  await Promise.all([llm?.close(), twilio?.close()]);
});

describe('a worker process killed mid-case', () => {
  let testCase: TestCase;

  it('mid-draft: the next worker drafts the case again and it waits for review', async () => {
    testCase = await openCase(stack, 'Where is my order 9191?', { drafting: { maximumAttempts: 3, initialInterval: '200ms' } });
    await firstDraftArrived;
    await workers[0]!.kill();
    workers.push(await spawnWorker(stack, workerEnv));

    const waiting = await waitForStage(testCase.handle, 'awaiting_review', 45_000);
    expect(waiting).toMatchObject({ draft: DRAFT, draftError: null });
    expect(llm.requests).toHaveLength(2);
  });

  it('mid-send, after Twilio took the reply: the next worker finds it, and the customer gets it once', async () => {
    // Decide once the case's workflow task is done, as a reviewer reading the queue does. (An Update that the
    // server hands over together with other news in one task, while that task runs local activities, replays
    // in another order on the SDK version here: see README, "Known limits".)
    await waitFor(() => testCase.handle.describe(), (d) => !d.raw.pendingWorkflowTask, 'no pending workflow task');
    const decided = testCase.handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'crash@example.com' }] });
    await twilio.hung;
    await workers[1]!.kill();
    workers.push(await spawnWorker(stack, workerEnv));

    await decided;
    expect(await waitForStage(testCase.handle, 'sent', 45_000)).toMatchObject({ stage: 'sent' });
    const replies = await repliesTo(stack, testCase.customer);
    expect(replies.map((reply) => reply.body)).toEqual([DRAFT]);
    // One POST reached Twilio; the retry asked Twilio what it had instead of sending again.
    expect(twilio.state.posts).toBe(1);
  });
});
