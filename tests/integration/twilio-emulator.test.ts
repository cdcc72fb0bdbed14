// The official Twilio SDK, unchanged, against the built-in emulator: what a newcomer without a Twilio
// account relies on, and what the send activity relies on to never send twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../../channels/twilio-sender.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
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
