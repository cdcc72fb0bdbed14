// The outside world failing and coming back, at the wire: the LLM answering 500s and timing out, and
// Twilio's API answering 5xx, once even after it accepted the message. Each case still ends right, with
// exactly one reply: Temporal retries the activity, and the sender finds a message Twilio already took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUpdate } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage } from '../helpers/cases.js';
import { startFaultyTwilio, type FaultyTwilio } from '../helpers/faulty-twilio.js';
import { startScriptedLlm, type ScriptedLlm } from '../helpers/openai-server.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let llm: ScriptedLlm;
let twilio: FaultyTwilio;
const LLM_ANSWER = JSON.stringify({ reply: 'Your order is on its way.', intent: 'order_status', confidence: 0.5, reasoning: 'r', sources: [], needs_human: true, human_reason: '' });

beforeAll(async () => {
  // The LLM fails twice with 500, then takes longer than the timeout, then answers.
  llm = await startScriptedLlm((_, index) => (index < 2 ? { status: 500, content: 'upstream error' } : index === 2 ? { content: LLM_ANSWER, delayMs: 1_500 } : { content: LLM_ANSWER }));
  twilio = await startFaultyTwilio(['503', '503', 'accept-then-502']);
  stack = await startStack({ env: { OPENAI_BASE_URL: llm.baseUrl, LLM_MODEL: 'faulty-model', LLM_TIMEOUT: '500ms', TWILIO_EMULATOR_URL: `${twilio.url}/emulator/twilio` } });
  twilio.state.target = stack.url;
});
afterAll(async () => {
  await stack?.stop();
  await Promise.all([llm?.close(), twilio?.close()]);
});

describe('faults at the wire', () => {
  it('drafts once the LLM recovers from 500s and a timeout, and sends exactly one reply through Twilio\'s 5xx', async () => {
    const { handle, customer } = await openCase(stack, 'Where is my order 9090?', { drafting: { maximumAttempts: 6, initialInterval: '100ms' } });
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting).toMatchObject({ draft: 'Your order is on its way.', draftError: null });
    expect(llm.requests.length).toBeGreaterThanOrEqual(4);

    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'faults@example.com' }] });
    expect(await handle.result()).toMatchObject({ stage: 'sent' });
    expect(twilio.state.answered.slice(0, 3)).toEqual([503, 503, 502]);
    const replies = await repliesTo(stack, customer);
    expect(replies.map((r) => r.body)).toEqual(['Your order is on its way.']);
  });
});
