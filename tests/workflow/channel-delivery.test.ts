// What happens after a reply is decided, channel by channel, on the real dev server with the Twilio emulator
// delivering: carrier keywords, opted-out customers, split replies, delivery reports and failures, and
// WhatsApp's 24-hour window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREACHABLE_PREFIX } from '../../api/emulator/twilio-delivery.js';
import { CaseSchema, CustomerSchema, EmulatorMessageSchema, MessageSchema } from '../../db/entities/index.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { decideUpdate } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage } from '../helpers/cases.js';
import { recordHistory } from '../helpers/histories.js';
import type { Stack } from '../helpers/stack.js';
import type { ScriptedDrafter } from '../helpers/test-doubles.js';
import { customerNumber, messageSid } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';
import { startWorkflowStack } from '../helpers/workflow-stack.js';

let stack: Stack;
let drafter: ScriptedDrafter;
beforeAll(async () => {
  ({ stack, drafter } = await startWorkflowStack());
});
afterAll(async () => {
  await stack?.stop();
});

const reviewer = 'rev@example.com';
const approve = { decision: 'approve' as const, reviewer };

describe('carrier keywords', () => {
  it('answers STOP with nothing, sends nothing to the customer until START, then replies again', async () => {
    const customer = customerNumber();
    const stop = await openCase(stack, 'Stop', { customer });
    expect(await stop.handle.result()).toMatchObject({ stage: 'blocked', blockedReason: 'opt_out', draft: null });
    await recordHistory(stop.handle, 'stop-keyword');
    const row = await stack.orm.em.fork().findOneOrFail(CaseSchema, { id: stop.caseId });
    expect(row).toMatchObject({ stage: 'blocked', blockedReason: 'opt_out' });
    expect((await stack.orm.em.fork().findOneOrFail(CustomerSchema, { id: row.customerId })).optedOutAt).toBeInstanceOf(Date);

    // Any other message keeps the opt-out (as on Twilio): it is drafted and reviewed, but nothing goes out.
    const question = await openCase(stack, 'What are your opening hours?', { customer });
    await waitForStage(question.handle, 'awaiting_review');
    await question.handle.executeUpdate(decideUpdate, { args: [approve] });
    const refused = await question.handle.result();
    expect(refused).toMatchObject({ stage: 'failed', deliveryError: expect.stringContaining('opted out') });
    expect(await repliesTo(stack, stop.customer)).toHaveLength(0);

    const start = await openCase(stack, 'START', { customer });
    expect(await start.handle.result()).toMatchObject({ stage: 'blocked', blockedReason: 'opt_in' });
    const again = await openCase(stack, 'What are your opening hours?', { customer });
    await waitForStage(again.handle, 'awaiting_review');
    await again.handle.executeUpdate(decideUpdate, { args: [approve] });
    expect(await again.handle.result()).toMatchObject({ stage: 'sent', delivery: { status: 'delivered' } });
    expect(await repliesTo(stack, stop.customer)).toHaveLength(1);
  });

  it('records a refusal by Twilio (21610, unsubscribed with the carrier) on the case instead of retrying it', async () => {
    const customer = customerNumber();
    // The customer unsubscribed with Twilio before this business used Countersign: only Twilio knows.
    const em = stack.orm.em.fork();
    em.create(EmulatorMessageSchema, {
      sid: messageSid(), accountSid: stack.config.twilio.accountSid, direction: 'inbound', from: customer, to: EMULATOR_BUSINESS_NUMBER,
      body: 'STOP', status: 'received', statusCallback: null, numSegments: 1, errorCode: null,
    });
    await em.flush();
    const { handle } = await openCase(stack, 'Is the sale still on?', { customer });
    const waiting = await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [approve] });
    expect(await handle.result()).toMatchObject({ stage: 'failed', deliveryError: expect.stringMatching(/Twilio refused the message: error 21610/) });
    expect((await stack.orm.em.fork().findOneOrFail(CustomerSchema, { id: waiting.customerId! })).optedOutAt).toBeInstanceOf(Date);
  });

  it('treats HELP as the carrier\'s to answer and a sentence containing "stop" as a question', async () => {
    const help = await openCase(stack, ' help! ');
    expect(await help.handle.result()).toMatchObject({ stage: 'blocked', blockedReason: 'help' });
    const sentence = await openCase(stack, 'How do I stop my subscription renewing?');
    expect(await waitForStage(sentence.handle, 'awaiting_review')).toMatchObject({ blockedReason: null });
  });
});

describe('delivery', () => {
  it('waits for the delivery report and records every status on the outbound message', async () => {
    const { handle, caseId } = await openCase(stack, 'Do you deliver on Saturdays?', { channel: 'whatsapp' });
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [approve] });
    const result = await handle.result();
    expect(result).toMatchObject({ stage: 'sent', delivery: { providerMessageIds: [expect.stringMatching(/^SM/)] } });
    expect(['delivered', 'read']).toContain(result.delivery?.status);
    // WhatsApp also reports that the customer read it, often after the case closed.
    const message = await waitFor(
      () => stack.orm.em.fork().findOneOrFail(MessageSchema, { caseId, direction: 'outbound' }),
      (m) => m.status === 'read', 'the read receipt',
    );
    expect(message.statusUpdatedAt).toBeInstanceOf(Date);
  });

  it('puts a reply that was not delivered back in front of a reviewer with Twilio\'s reason, and gives up after three', async () => {
    const unreachable = `${UNREACHABLE_PREFIX}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    const { handle, caseId } = await openCase(stack, 'Is my table booked for tonight?', { customer: unreachable, deliveryTimeout: '30s' });
    const first = await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [approve] });

    const back = await waitFor(() => stack.orm.em.fork().findOneOrFail(CaseSchema, { id: caseId }), (c) => c.stage === 'awaiting_review' && c.deliveryError !== null, 'the case back in review');
    expect(back.deliveryError).toMatch(/undelivered.*30003.*Unreachable destination handset/);
    const live = await waitForStage(handle, 'awaiting_review');
    expect(live).toMatchObject({ draft: first.draft, decision: null, sendAttempt: 2, delivery: { status: 'undelivered', errorCode: '30003' } });

    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer, text: 'Yes, table for two at 8pm.' }] });
    await waitFor(() => handle.query('state' as never) as Promise<{ sendAttempt: number; stage: string }>, (s) => s.sendAttempt === 3 && s.stage === 'awaiting_review', 'the third attempt');
    await handle.executeUpdate(decideUpdate, { args: [approve] });
    const result = await handle.result();
    expect(result).toMatchObject({ stage: 'failed', deliveryError: expect.stringContaining('30003') });
    await recordHistory(handle, 'delivery-failed-back-to-review-then-failed');
    expect((await repliesTo(stack, unreachable)).map((r) => r.body)).toEqual([first.draft, 'Yes, table for two at 8pm.', 'Yes, table for two at 8pm.']);
  });

  it('splits a long SMS at sentence boundaries into messages Twilio accepts, in order', async () => {
    const { handle, customer, caseId } = await openCase(stack, 'Tell me everything about returns.');
    await waitForStage(handle, 'awaiting_review');
    const sentences = Array.from({ length: 40 }, (_, i) => `Returns rule number ${i + 1} applies to every order we ship.`);
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer, text: sentences.join(' ') }] });
    const result = await handle.result();
    await recordHistory(handle, 'split-reply-delivered');
    const replies = await repliesTo(stack, customer);
    expect(replies.length).toBe(2);
    expect(replies.every((r) => r.body.length <= 1600 && /\.$/.test(r.body))).toBe(true);
    expect(replies.map((r) => r.body).join(' ')).toBe(sentences.join(' '));
    expect(result.delivery).toMatchObject({ status: 'delivered', providerMessageIds: replies.map((r) => r.sid) });
    const stored = await stack.orm.em.fork().find(MessageSchema, { caseId, direction: 'outbound' }, { orderBy: { part: 'asc' } });
    expect(stored.map((m) => m.part)).toEqual([1, 2]);
  });

  it('refuses a free-form WhatsApp reply outside the 24-hour window and says a template is needed', async () => {
    drafter.script('[late-whatsapp]', { text: 'Your order ships Monday.', intent: 'order_status', confidence: 0.99 });
    const receivedAt = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    const { handle, customer } = await openCase(stack, '[late-whatsapp] when does my order ship?', { channel: 'whatsapp', receivedAt });
    const result = await handle.result();
    expect(result).toMatchObject({ stage: 'failed', deliveryError: expect.stringMatching(/24-hour.*template/) });
    await recordHistory(handle, 'whatsapp-window-refused');
    expect(await repliesTo(stack, customer)).toHaveLength(0);
  });
});
