// The web chat API over real HTTP: a visitor's message becomes a case, the approved reply arrives live over
// server-sent events, the visitor cookie is signed, bad input and floods are refused, and an email links the
// visitor to a customer the business already knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema, CustomerIdentitySchema } from '../../db/entities/index.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';

let stack: Stack;
let token: string;
beforeAll(async () => {
  stack = await startStack();
  ({ token } = await signIn(stack.url, stack.orm, 'SUPERVISOR'));
});
afterAll(async () => {
  await stack?.stop();
});

class Visitor {
  cookie = '';
  constructor(private readonly ip = '203.0.113.7') {}

  async send(body: Record<string, unknown>): Promise<Response> {
    const response = await fetch(`${stack.url}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.ip, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return response;
  }

  /** Reads server-sent events until `until` says enough. */
  async events(until: (events: { event: string; data: any }[]) => boolean): Promise<{ event: string; data: any }[]> {
    const controller = new AbortController();
    const response = await fetch(`${stack.url}/chat/api/events`, { headers: { cookie: this.cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: { event: string; data: any }[] = [];
    let buffer = '';
    const timeout = setTimeout(() => controller.abort(), 20_000);
    try {
      while (!until(events)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } finally {
      clearTimeout(timeout);
      controller.abort();
    }
    return events;
  }
}

describe('web chat', () => {
  it('turns a visitor\'s message into a case and streams "typing", then the approved reply', async () => {
    const visitor = new Visitor();
    const sent = await visitor.send({ text: 'Hi! Do you ship to Norway?', clientMessageId: 'first-message-1' });
    expect(sent.status).toBe(202);
    const { caseId } = await sent.json();
    expect(caseId).toMatch(/^msg:webchat:/);
    expect(visitor.cookie).toMatch(/^cs_visitor=[0-9a-f-]{36}\./);

    const again = await visitor.send({ text: 'Hi! Do you ship to Norway?', clientMessageId: 'first-message-1' });
    expect(await again.json()).toEqual({ caseId, duplicate: true });

    await waitForStage(stack.client.workflow.getHandle(caseId), 'awaiting_review');
    const streaming = visitor.events((events) => events.some((e) => e.event === 'message' && e.data.direction === 'outbound'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const decided = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: EDIT, text: "Yes, we ship to Norway in 3-5 days." }) { stage } }', { id: caseId }, token);
    expect(decided.errors).toBeUndefined();
    const events = await streaming;
    expect(events[0]).toMatchObject({ event: 'message', data: { direction: 'inbound', body: 'Hi! Do you ship to Norway?' } });
    expect(events).toContainEqual({ event: 'typing', data: { typing: true } });
    expect(events.at(-1)).toMatchObject({ event: 'message', data: { direction: 'outbound', body: 'Yes, we ship to Norway in 3-5 days.' } });

    const thread = await (await fetch(`${stack.url}/chat/api/messages`, { headers: { cookie: visitor.cookie } })).json();
    expect(thread.messages.map((m: any) => m.direction)).toEqual(['inbound', 'outbound']);
  });

  it('does not accept a forged visitor cookie as someone else\'s chat', async () => {
    const visitor = new Visitor();
    const { caseId } = await (await visitor.send({ text: 'My private question' })).json();
    await waitForStage(stack.client.workflow.getHandle(caseId), 'awaiting_review');
    const [name, value] = visitor.cookie.split('=') as [string, string];
    const forged = `${name}=${value.split('.')[0]}.forgedsignature`;
    const thread = await (await fetch(`${stack.url}/chat/api/messages`, { headers: { cookie: forged } })).json();
    expect(thread.messages).toEqual([]);
    expect((await fetch(`${stack.url}/chat/api/events`, { headers: { cookie: forged } })).status).toBe(401);
  });

  it('refuses empty, oversized and badly addressed messages with a reason, and starts nothing', async () => {
    const visitor = new Visitor('203.0.113.8');
    const before = await stack.orm.em.fork().count(CaseSchema, { channel: 'webchat' });
    for (const [body, reason] of [
      [{ text: '   ' }, /Write a message/],
      [{ text: 'x'.repeat(2001) }, /at most 2000/],
      [{ text: 'hello', email: 'not-an-email' }, /email address does not look right/],
    ] as const) {
      const response = await visitor.send(body);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(reason);
    }
    expect(await stack.orm.em.fork().count(CaseSchema, { channel: 'webchat' })).toBe(before);
    expect(visitor.cookie).toBe('');
  });

  it('slows down a visitor who floods the chat', async () => {
    const visitor = new Visitor('203.0.113.9');
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await visitor.send({ text: `message ${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    const refused = await visitor.send({ text: 'one more' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('links a visitor who gives a known email to that customer, so the case shows their SMS history too', async () => {
    const sms = inboundSms({ Body: 'Where is parcel 7781?' });
    await postTwilioWebhook(stack.url, stack.config.publicUrl, '/webhooks/twilio/messages', stack.config.twilio.authToken, sms);
    const smsCase = await waitForStage(stack.client.workflow.getHandle(`msg:sms:${sms.MessageSid}`), 'awaiting_review');
    const email = `kim-${Date.now()}@example.com`;
    const linked = await gql(stack.url, 'mutation($c: ID!, $a: String!) { linkIdentity(customerId: $c, channel: EMAIL, address: $a) { id } }', { c: smsCase.customerId, a: email.toUpperCase() }, token);
    expect(linked.errors).toBeUndefined();

    const visitor = new Visitor('203.0.113.10');
    const { caseId } = await (await visitor.send({ text: 'Any news on my parcel?', email })).json();
    const chatCase = await waitForStage(stack.client.workflow.getHandle(caseId), 'awaiting_review');
    expect(chatCase.customerId).toBe(smsCase.customerId);
    const found = await gql(stack.url, 'query($id: ID!) { case(id: $id) { customer { identities { channel linkedBy } history { channel direction body } } } }', { id: caseId }, token);
    expect(found.data?.case.customer.identities.map((i: any) => i.channel)).toEqual(['SMS', 'EMAIL', 'WEBCHAT']);
    expect(found.data?.case.customer.history.map((m: any) => [m.channel, m.body])).toEqual([['SMS', 'Where is parcel 7781?'], ['WEBCHAT', 'Any news on my parcel?']]);
    expect(await stack.orm.em.fork().count(CustomerIdentitySchema, { address: email })).toBe(1);
  });
});
