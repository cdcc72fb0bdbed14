// What the two activities that write a case's records promise, on a real PostgreSQL: recordInbound files a
// message under the right customer and conversation exactly once, and sendReply sends a case's reply once.
import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities/index.js';
import type { OutboundReply, ReplySender, SentReply } from '../../channels/reply-sender.js';
import {
  CaseSchema, ConversationSchema, CustomerIdentitySchema, MessageSchema, SendLedgerSchema,
} from '../../db/entities/index.js';
import { initOrm, type Orm } from '../../db/orm.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import type { Channel, InboundMessage } from '../../domain/case.js';
import { customerNumber, messageSid } from '../helpers/twilio.js';

/** A provider that records what it accepted, so tests can count sends. */
class RecordingSender implements ReplySender {
  readonly accepted: (OutboundReply & SentReply)[] = [];
  lastLookedSince: Date | null = null;

  async send(reply: OutboundReply): Promise<SentReply> {
    const sent = { providerMessageId: messageSid(), status: 'queued' };
    this.accepted.push({ ...reply, ...sent });
    return sent;
  }

  async findSent(reply: OutboundReply, since: Date): Promise<SentReply | null> {
    this.lastLookedSince = since;
    return this.accepted.find((m) => m.to === reply.to && m.body === reply.body) ?? null;
  }
}

let orm: Orm;
let sender: RecordingSender;
let activities: ReturnType<typeof createActivities>;
beforeAll(async () => {
  orm = await initOrm({ clientUrl: inject('databaseUrl') });
  sender = new RecordingSender();
  activities = createActivities({ orm, sender } as unknown as ActivityDeps);
});
afterAll(async () => {
  await orm?.close();
});

function inbound(from: string, channel: Channel = 'sms', receivedAt = new Date()): { caseId: string; message: InboundMessage } {
  const sid = messageSid();
  const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
  return {
    caseId: `msg:${channel}:${sid}`,
    message: { channel, providerMessageId: sid, from: prefix + from, to: prefix + EMULATOR_BUSINESS_NUMBER, body: `hello from ${from}`, receivedAt: receivedAt.toISOString() },
  };
}

describe('recordInbound', () => {
  it('files a first message under a new customer, conversation and case', async () => {
    const input = inbound(customerNumber());
    const recorded = await activities.recordInbound(input);

    const em = orm.em.fork();
    const row = await em.findOneOrFail(CaseSchema, { id: input.caseId });
    expect(row).toMatchObject({ stage: 'screening', channel: 'sms', inboundText: input.message.body, customerId: recorded.customerId, conversationId: recorded.conversationId, inboundMessageId: recorded.messageId, escalationLevel: 0, findings: [] });
    expect(row.createdAt.toISOString()).toBe(input.message.receivedAt);
    const message = await em.findOneOrFail(MessageSchema, { id: recorded.messageId });
    expect(message).toMatchObject({ caseId: input.caseId, direction: 'inbound', channel: 'sms', providerMessageId: input.message.providerMessageId, body: input.message.body });
    const conversation = await em.findOneOrFail(ConversationSchema, { id: recorded.conversationId });
    expect(conversation).toMatchObject({ channel: 'sms', customerAddress: input.message.from, businessAddress: input.message.to });
    expect(conversation.lastMessageAt.toISOString()).toBe(input.message.receivedAt);
    expect(await em.find(CustomerIdentitySchema, { address: input.message.from })).toMatchObject([{ channel: 'sms', customer: { id: recorded.customerId } }]);
    expect(recorded.openCaseIds).toEqual([]);
  });

  it('returns what the first attempt stored when retried, and stores nothing twice', async () => {
    const input = inbound(customerNumber());
    const first = await activities.recordInbound(input);
    const again = await activities.recordInbound(input);
    expect(again).toEqual(first);
    expect(await orm.em.fork().count(MessageSchema, { caseId: input.caseId })).toBe(1);
  });

  it('keeps a conversation going and names the earlier undecided cases it supersedes', async () => {
    const customer = customerNumber();
    const first = inbound(customer, 'sms', new Date(Date.now() - 2000));
    const second = inbound(customer);
    const a = await activities.recordInbound(first);
    const b = await activities.recordInbound(second);
    expect(b).toMatchObject({ customerId: a.customerId, conversationId: a.conversationId, openCaseIds: [first.caseId] });
    const conversation = await orm.em.fork().findOneOrFail(ConversationSchema, { id: a.conversationId });
    expect(conversation.lastMessageAt.toISOString()).toBe(second.message.receivedAt);
    // A retry of the earlier case does not name the later one: it did not exist when the earlier arrived.
    expect((await activities.recordInbound(first)).openCaseIds).toEqual([]);
  });

  it('knows a customer who writes on WhatsApp from the number they used on SMS', async () => {
    const customer = customerNumber();
    const sms = await activities.recordInbound(inbound(customer, 'sms'));
    const whatsapp = await activities.recordInbound(inbound(customer, 'whatsapp'));
    expect(whatsapp.customerId).toBe(sms.customerId);
    expect(whatsapp.conversationId).not.toBe(sms.conversationId);
    const identities = await orm.em.fork().find(CustomerIdentitySchema, { address: customer }, { orderBy: { channel: 'asc' } });
    expect(identities.map((i) => [i.channel, i.customer.id])).toEqual([['sms', sms.customerId], ['whatsapp', sms.customerId]]);
  });
});

describe('sendReply', () => {
  async function openCase(): Promise<{ caseId: string; to: string }> {
    const input = inbound(customerNumber());
    await activities.recordInbound(input);
    return { caseId: input.caseId, to: input.message.from };
  }

  it('sends once, records the outbound message, and answers a retry from the ledger', async () => {
    const { caseId, to } = await openCase();
    const sent = await activities.sendReply({ caseId, text: 'Your order ships today.' });
    const again = await activities.sendReply({ caseId, text: 'Your order ships today.' });
    expect(again).toMatchObject({ outcome: 'sent', providerMessageId: sent.providerMessageId, providerMessageIds: [sent.providerMessageId] });
    expect(sender.accepted.filter((m) => m.to === to)).toMatchObject([{ from: EMULATOR_BUSINESS_NUMBER, body: 'Your order ships today.' }]);
    const em = orm.em.fork();
    expect(await em.findOneOrFail(SendLedgerSchema, { caseId })).toMatchObject({ status: 'accepted', providerMessageId: sent.providerMessageId, body: 'Your order ships today.' });
    expect(await em.find(MessageSchema, { caseId, direction: 'outbound' })).toMatchObject([{ providerMessageId: sent.providerMessageId, body: 'Your order ships today.', channel: 'sms', status: 'queued' }]);
  });

  it('after a lost attempt, finds the message the provider already accepted instead of sending again', async () => {
    const { caseId, to } = await openCase();
    let crashed = false;
    const crashingOnce = createActivities({
      orm,
      sender: {
        send: async (reply: OutboundReply) => {
          const sent = await sender.send(reply);
          if (!crashed) { crashed = true; throw new Error('worker lost after the provider accepted'); }
          return sent;
        },
        findSent: (reply: OutboundReply, since: Date) => sender.findSent(reply, since),
      },
    } as unknown as ActivityDeps);
    await expect(crashingOnce.sendReply({ caseId, text: 'On its way.' })).rejects.toThrow('worker lost');
    expect(await orm.em.fork().findOneOrFail(SendLedgerSchema, { caseId })).toMatchObject({ status: 'pending' });
    const sent = await crashingOnce.sendReply({ caseId, text: 'On its way.' });
    // It looks back from when the ledger row was written, with a minute's margin for clock skew.
    expect(Date.now() - sender.lastLookedSince!.getTime()).toBeGreaterThanOrEqual(60_000);
    expect(Date.now() - sender.lastLookedSince!.getTime()).toBeLessThan(70_000);
    expect(sender.accepted.filter((m) => m.to === to)).toMatchObject([{ providerMessageId: sent.providerMessageId }]);
    expect(await orm.em.fork().findOneOrFail(SendLedgerSchema, { caseId })).toMatchObject({ status: 'accepted', providerMessageId: sent.providerMessageId });
  });

  it('refuses to send a different reply for a case that already started sending', async () => {
    const { caseId } = await openCase();
    await activities.sendReply({ caseId, text: 'First answer.' });
    const conflict = await activities.sendReply({ caseId, text: 'Second answer.' }).catch((error: unknown) => error);
    // An accepted send answers from the ledger whatever the text; only a pending one with another body conflicts.
    expect(conflict).toMatchObject({ outcome: 'sent' });

    const pending = await openCase();
    await orm.em.fork().insert(SendLedgerSchema, { caseId: pending.caseId, body: 'First answer.', status: 'pending', createdAt: new Date(), updatedAt: new Date() });
    const refused = await activities.sendReply({ caseId: pending.caseId, text: 'Second answer.' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'SendConflict', nonRetryable: true });
    expect(sender.accepted.filter((m) => m.to === pending.to)).toEqual([]);
  });

  it('fails for a case that is not in the read model, sending nothing', async () => {
    const before = sender.accepted.length;
    await expect(activities.sendReply({ caseId: 'msg:sms:SMnotthere', text: 'Hello' })).rejects.toThrow();
    expect(sender.accepted.length).toBe(before);
    expect(await orm.em.fork().count(SendLedgerSchema, { caseId: 'msg:sms:SMnotthere' })).toBe(0);
  });
});
