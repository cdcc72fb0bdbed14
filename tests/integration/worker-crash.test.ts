// A worker process SIGKILLed in the middle of a case, as a crashed host or an OOM kill ends it: once while
// the LLM is drafting, once after Twilio took the reply but before the worker recorded it. The next worker
// process picks the case up from Temporal's history; the customer gets exactly one reply.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decideUpdate } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForCaseRow, type TestCase } from '../helpers/cases.js';
import { startFaultyTwilio, type FaultyTwilio } from '../helpers/faulty-twilio.js';
import { startScriptedLlm, type ScriptedLlm } from '../helpers/openai-server.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { spawnWorker, type ProductProcess } from '../helpers/product-process.js';

const DRAFT = 'Your order 9191 left our warehouse yesterday.';
const LLM_ANSWER = JSON.stringify({ reply: DRAFT, intent: 'order_status', confidence: 0.5, reasoning: 'r', sources: [], needs_human: true, human_reason: '' });

let stack: Stack;
let llm: ScriptedLlm;
let twilio: FaultyTwilio;
let workerEnv: Record<string, string>;
const workers: ProductProcess[] = [];
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

const caseInStage = ({ caseId }: TestCase, stage: string) => waitForCaseRow(stack.orm, caseId, stage);

describe('a worker process killed mid-case', () => {
  let testCase: TestCase;

  it('mid-draft: the next worker drafts the case again and it waits for review', async () => {
    testCase = await openCase(stack, 'Where is my order 9191?', { drafting: { maximumAttempts: 3, initialInterval: '200ms' } });
    await firstDraftArrived;
    await workers[0]!.kill();
    workers.push(await spawnWorker(stack, workerEnv));

    // Watched the way the console watches it, in the read model. (A workflow query here, on a worker that has
    // not yet replayed the case, would run the pending task's local activities early: README, "Known limits".)
    const waiting = await caseInStage(testCase, 'awaiting_review');
    expect(waiting).toMatchObject({ draft: DRAFT });
    expect(llm.requests).toHaveLength(2);
  });

  it('mid-send, after Twilio took the reply: the next worker finds it, and the customer gets it once', async () => {
    const decided = testCase.handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'crash@example.com' }] });
    await twilio.hung;
    await workers[1]!.kill();
    workers.push(await spawnWorker(stack, workerEnv));

    await decided;
    expect(await caseInStage(testCase, 'sent')).toMatchObject({ stage: 'sent', decision: 'approve' });
    const replies = await repliesTo(stack, testCase.customer);
    expect(replies.map((reply) => reply.body)).toEqual([DRAFT]);
    // One POST reached Twilio; the retry asked Twilio what it had instead of sending again.
    expect(twilio.state.posts).toBe(1);
    // The history, with both lost attempts in it, replays on today's workflow code as any other does.
    const history = await testCase.handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, `${testCase.caseId}-replay`)).resolves.toBeUndefined();
  });
});
