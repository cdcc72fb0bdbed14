// One customer across channels, as supervisors manage it through GraphQL: linking an identity, merging two
// customers that are one person, and the refusals that keep the records straight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../../db/entities/index.js';
import { caseWorkflowId } from '../../domain/case.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { customerNumber, inboundSms, postTwilioWebhook } from '../helpers/twilio.js';

let stack: Stack;
let supervisor: { email: string; token: string };
let reviewer: { email: string; token: string };
beforeAll(async () => {
  stack = await startStack();
  [supervisor, reviewer] = await Promise.all([signIn(stack.url, stack.orm, 'SUPERVISOR'), signIn(stack.url, stack.orm, 'REVIEWER')]);
});
afterAll(async () => {
  await stack?.stop();
});

/** A customer who wrote one SMS; answers their id. */
async function customerWhoWrote(body: string, from = customerNumber()): Promise<string> {
  const params = inboundSms({ From: from, Body: body });
  await postTwilioWebhook(stack.url, stack.config.publicUrl, '/webhooks/twilio/messages', stack.config.twilio.authToken, params);
  return (await waitForStage(stack.client.workflow.getHandle(caseWorkflowId('sms', params.MessageSid!)), 'awaiting_review')).customerId!;
}

const LINK = 'mutation($c: ID!, $ch: Channel!, $a: String!) { linkIdentity(customerId: $c, channel: $ch, address: $a) { id identities { channel address linkedBy } } }';
const MERGE = 'mutation($s: ID!, $t: ID!) { mergeCustomers(sourceId: $s, targetId: $t) { id identities { channel address } history { body } } }';

describe('customers across channels', () => {
  it('lets a supervisor link a WhatsApp number, normalised, and audits who did it', async () => {
    const id = await customerWhoWrote('Hello from my landline');
    const whatsapp = customerNumber();
    const linked = await gql(stack.url, LINK, { c: id, ch: 'WHATSAPP', a: `whatsapp:${whatsapp.slice(0, 5)} ${whatsapp.slice(5)}` }, supervisor.token);
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.linkIdentity.identities).toContainEqual({ channel: 'WHATSAPP', address: whatsapp, linkedBy: supervisor.email });
    const audit = await stack.orm.em.fork().find(AuditEventSchema, { type: 'identity_linked', actor: supervisor.email });
    expect(audit.map((a) => a.detail)).toContainEqual({ customerId: id, channel: 'whatsapp', address: whatsapp });
  });

  it('recognises a number linked as people write it ("+44 (0) 7700 …") when that customer next writes from it', async () => {
    const id = await customerWhoWrote('Hello from my landline');
    const local = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const linked = await gql(stack.url, LINK, { c: id, ch: 'SMS', a: `+44 (0) 7700 900${local}` }, supervisor.token);
    expect(linked.data?.linkIdentity.identities).toContainEqual({ channel: 'SMS', address: `+447700900${local}`, linkedBy: supervisor.email });
    // Twilio writes the same number without the trunk zero: it is the same customer.
    expect(await customerWhoWrote('Now from my mobile', `+447700900${local}`)).toBe(id);
  });

  it('merges two customers into one, with both histories, and refuses to link an identity someone else has', async () => {
    const first = await customerWhoWrote('First number here');
    const secondNumber = customerNumber();
    const second = await customerWhoWrote('Second number, same person', secondNumber);

    const taken = await gql(stack.url, LINK, { c: first, ch: 'SMS', a: secondNumber }, supervisor.token);
    expect(taken.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('merge') });

    const merged = await gql(stack.url, MERGE, { s: second, t: first }, supervisor.token);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeCustomers.identities.map((i: any) => i.channel)).toEqual(['SMS', 'SMS']);
    expect(merged.data?.mergeCustomers.history.map((m: any) => m.body)).toEqual(['First number here', 'Second number, same person']);

    const again = await gql(stack.url, MERGE, { s: second, t: first }, supervisor.token);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('was merged into') });
    // The next message from the second number belongs to the merged customer.
    expect(await customerWhoWrote('Writing again from the second number', secondNumber)).toBe(first);
  });

  it('keeps linking and merging to supervisors, and explains bad input', async () => {
    const id = await customerWhoWrote('Just a question');
    expect((await gql(stack.url, LINK, { c: id, ch: 'EMAIL', a: 'kim@example.com' }, reviewer.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.url, LINK, { c: id, ch: 'EMAIL', a: 'not an email' }, supervisor.token)).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_INPUT' }, message: expect.stringContaining('is not a valid email address'),
    });
    expect((await gql(stack.url, LINK, { c: '00000000-0000-0000-0000-000000000000', ch: 'SMS', a: '+15551234567' }, supervisor.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.url, MERGE, { s: id, t: id }, supervisor.token)).errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});
