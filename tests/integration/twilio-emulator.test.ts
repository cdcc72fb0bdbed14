// The official Twilio SDK, unchanged, against the built-in emulator, and the emulator's handsets: what a
// newcomer without a Twilio account relies on, and what the send activity relies on to never send twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWILIO_KEYWORD_REPLIES } from '../../api/emulator/carrier-keywords.js';
import { createTwilioClient } from '../../channels/twilio-sender.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { caseWorkflowId } from '../../domain/case.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { customerNumber } from '../helpers/twilio.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('Twilio emulator', () => {
  it('creates, fetches and lists messages in Twilio\'s shapes', async () => {
    const client = createTwilioClient(stack.config.twilio);
    const to = customerNumber();
    const created = await client.messages.create({ to, from: EMULATOR_BUSINESS_NUMBER, body: 'Your parcel is on its way.' });
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created).toMatchObject({ to, from: EMULATOR_BUSINESS_NUMBER, status: 'queued', numSegments: '1', direction: 'outbound-api' });
    expect(created.dateCreated).toBeInstanceOf(Date);

    const fetched = await client.messages(created.sid).fetch();
    expect(fetched.body).toBe('Your parcel is on its way.');

    await client.messages.create({ to: customerNumber(), from: EMULATOR_BUSINESS_NUMBER, body: 'someone else' });
    const listed = await client.messages.list({ to, dateSentAfter: new Date(Date.now() - 60_000) });
    expect(listed.map((m) => m.sid)).toEqual([created.sid]);
  });

  it('answers like Twilio to bad credentials, a missing body and an unknown message', async () => {
    const wrongToken = createTwilioClient({ ...stack.config.twilio, authToken: 'wrong' });
    await expect(wrongToken.messages.list({ limit: 1 })).rejects.toMatchObject({ status: 401, code: 20003 });

    const client = createTwilioClient(stack.config.twilio);
    await expect(client.messages.create({ to: customerNumber(), from: EMULATOR_BUSINESS_NUMBER, body: '' }))
      .rejects.toMatchObject({ status: 400, code: 21602 });
    await expect(client.messages('SM00000000000000000000000000000000').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });
});

describe('the emulator\'s handsets (the console\'s Phone page)', () => {
  const THREAD = 'query($n: String!, $c: HandsetChannel!) { handsetThread(number: $n, channel: $c) { direction body status errorCode } }';
  const SEND = 'mutation($i: HandsetMessageInput!) { sendFromHandset(input: $i) { sid caseId direction status } }';

  it('sends a customer\'s message through the signed webhook and shows the reply\'s delivery live', async () => {
    const { token } = await signIn(stack.url, stack.orm);
    const number = customerNumber();
    const controller = new AbortController();
    const events = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription($n: String!) { handsetEvents(number: $n, channel: WHATSAPP) { direction body status } }', variables: { n: number } }),
    });
    const sent = await gql(stack.url, SEND, { i: { number, channel: 'WHATSAPP', body: 'Hi, do you open on Sundays?', profileName: 'Ana' } }, token);
    expect(sent.data?.sendFromHandset).toMatchObject({ direction: 'INBOUND', status: 'received' });
    const caseId = caseWorkflowId('whatsapp', sent.data!.sendFromHandset.sid);
    expect(sent.data?.sendFromHandset.caseId).toBe(caseId);
    await waitForStage(stack.client.workflow.getHandle(caseId), 'awaiting_review');
    await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: EDIT, text: "Yes, 10am to 4pm." }) { id } }', { id: caseId }, token);

    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let streamed = '';
    while (!/"body":"Yes, 10am to 4pm\.","status":"(delivered|read)"/.test(streamed)) {
      const { value, done } = await reader.read();
      if (done) break;
      streamed += value;
    }
    controller.abort();
    expect(streamed).toContain('"direction":"INBOUND","body":"Hi, do you open on Sundays?"');
    const thread = await gql(stack.url, THREAD, { n: number, c: 'WHATSAPP' }, token);
    expect(thread.data?.handsetThread.map((m: any) => [m.direction, m.body])).toEqual([['INBOUND', 'Hi, do you open on Sundays?'], ['OUTBOUND', 'Yes, 10am to 4pm.']]);
  });

  it('answers STOP as Twilio does, and refuses later sends to that number with error 21610 until START', async () => {
    const { token } = await signIn(stack.url, stack.orm);
    const number = customerNumber();
    const stop = await gql(stack.url, SEND, { i: { number, channel: 'SMS', body: 'STOP' } }, token);
    await stack.client.workflow.getHandle(caseWorkflowId('sms', stop.data!.sendFromHandset.sid)).result();
    const thread = await gql(stack.url, THREAD, { n: number, c: 'SMS' }, token);
    expect(thread.data?.handsetThread.map((m: any) => m.body)).toEqual(['STOP', TWILIO_KEYWORD_REPLIES.opt_out]);

    const client = createTwilioClient(stack.config.twilio);
    await expect(client.messages.create({ to: number, from: EMULATOR_BUSINESS_NUMBER, body: 'A promotion' })).rejects.toMatchObject({ status: 400, code: 21610 });
    await gql(stack.url, SEND, { i: { number, channel: 'SMS', body: 'start' } }, token);
    expect((await client.messages.create({ to: number, from: EMULATOR_BUSINESS_NUMBER, body: 'Welcome back' })).status).toBe('queued');
  });

  it('explains a malformed number instead of sending', async () => {
    const { token } = await signIn(stack.url, stack.orm);
    const refused = await gql(stack.url, SEND, { i: { number: '555-CALL-NOW', channel: 'SMS', body: 'hello' } }, token);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('international format') });
  });
});
