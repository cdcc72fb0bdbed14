// Twilio's two webhooks as Twilio really calls them, signed with the twilio library's own function: the
// fields it sends for SMS, WhatsApp and media, carrier keywords, duplicate and concurrent deliveries, status
// callbacks in and out of order, failed deliveries, and signatures behind a reverse proxy.
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREACHABLE_PREFIX } from '../../api/emulator/twilio-delivery.js';
import { MessageSchema } from '../../db/entities/index.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { caseWorkflowId } from '../../domain/case.js';
import { repliesTo, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { customerNumber, inboundSms, messageSid, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let token: string;
beforeAll(async () => {
  stack = await startStack();
  ({ token } = await signIn(stack.url, stack.orm));
});
afterAll(async () => {
  await stack?.stop();
});

function post(path: string, params: Record<string, string>, signature?: string) {
  return postTwilioWebhook(stack.url, stack.config.publicUrl, path, stack.config.twilio.authToken, params, { signature });
}

async function caseById(id: string, fields: string) {
  const result = await gql(stack.url, `query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, token);
  expect(result.errors).toBeUndefined();
  return result.data?.case;
}

async function approveAndWaitForDelivery(id: string) {
  await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');
  await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id } }', { id }, token);
}

describe('inbound messages', () => {
  it('records a WhatsApp message with its media and profile name, and shows them on the case', async () => {
    const number = customerNumber();
    const params = {
      MessageSid: `MM${messageSid().slice(2)}`, SmsMessageSid: 'x', AccountSid: stack.config.twilio.accountSid,
      From: `whatsapp:${number}`, To: `whatsapp:${EMULATOR_BUSINESS_NUMBER}`, Body: 'Here is the damaged box',
      NumMedia: '2', NumSegments: '1', ProfileName: 'Kim Ode', WaId: number.slice(1), MessageType: 'image',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', MediaContentType1: 'audio/ogg',
      ApiVersion: '2010-04-01',
    };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const id = caseWorkflowId('whatsapp', params.MessageSid);
    await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');
    const found = await caseById(id, 'channel inboundText attachments { url contentType } customer { displayName identities { channel address } }');
    expect(found).toMatchObject({
      channel: 'WHATSAPP',
      inboundText: 'Here is the damaged box',
      attachments: [{ url: params.MediaUrl0, contentType: 'image/jpeg' }, { url: params.MediaUrl1, contentType: 'audio/ogg' }],
      customer: { displayName: 'Kim Ode', identities: [{ channel: 'WHATSAPP', address: number }] },
    });
  });

  it('answers STOP with nothing and shows the customer as opted out', async () => {
    const params = inboundSms({ Body: 'STOP' });
    expect(await (await post('/webhooks/twilio/messages', params)).text()).toContain('<Response/>');
    const id = caseWorkflowId('sms', params.MessageSid!);
    await stack.client.workflow.getHandle(id).result();
    expect(await caseById(id, 'stage blockedReason customer { optedOut }')).toEqual({ stage: 'BLOCKED', blockedReason: 'OPT_OUT', customer: { optedOut: true } });
    expect(await repliesTo(stack, params.From!)).toHaveLength(0);
  });

  it('starts one case for ten concurrent deliveries of one message', async () => {
    const params = inboundSms({ Body: 'Is the shop open on bank holidays?' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('/webhooks/twilio/messages', params)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const id = caseWorkflowId('sms', params.MessageSid!);
    await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');
    const runs = [];
    for await (const run of stack.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(run);
    expect(runs).toHaveLength(1);
    expect(await stack.orm.em.fork().count(MessageSchema, { caseId: id, direction: 'inbound' })).toBe(1);
  });
});

describe('status callbacks', () => {
  it('keep each message\'s furthest status whatever order they come in, and are refused unsigned', async () => {
    const params = inboundSms({ Body: 'Can I collect my order in store?' });
    await post('/webhooks/twilio/messages', params);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await approveAndWaitForDelivery(id);
    const delivered = await waitFor(() => stack.orm.em.fork().findOne(MessageSchema, { caseId: id, direction: 'outbound' }), (m) => m?.status === 'delivered', 'the delivery report');
    const sid = delivered!.providerMessageId;

    const late = { MessageSid: sid, MessageStatus: 'sent', AccountSid: stack.config.twilio.accountSid, To: params.From!, From: params.To! };
    expect((await post('/webhooks/twilio/status', late)).status).toBe(204);
    expect((await post('/webhooks/twilio/status', { ...late, MessageStatus: 'failed', ErrorCode: '30008' }, 'forged')).status).toBe(403);
    expect((await post('/webhooks/twilio/status', { ...late, MessageSid: messageSid(), MessageStatus: 'delivered' })).status).toBe(204);
    const after = await stack.orm.em.fork().findOneOrFail(MessageSchema, { providerMessageId: sid });
    expect(after).toMatchObject({ status: 'delivered', errorCode: null });
    expect(await caseById(id, 'stage deliveryStatus replies { status part }')).toEqual({ stage: 'SENT', deliveryStatus: 'delivered', replies: [{ status: 'delivered', part: 1 }] });
  });

  it('put a reply that was not delivered back in the review queue with Twilio\'s error', async () => {
    const unreachable = `${UNREACHABLE_PREFIX}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    const params = inboundSms({ From: unreachable, Body: 'Has my refund been processed?' });
    await post('/webhooks/twilio/messages', params);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await approveAndWaitForDelivery(id);
    const back = await waitFor(() => caseById(id, 'stage deliveryError replies { status errorCode errorMessage }'), (c) => c?.stage === 'AWAITING_REVIEW' && c.deliveryError, 'the case back in review');
    expect(back.deliveryError).toContain('30003');
    expect(back.replies).toEqual([{ status: 'undelivered', errorCode: '30003', errorMessage: 'Unreachable destination handset' }]);
    const queue = await gql(stack.url, '{ cases(stage: AWAITING_REVIEW, first: 200) { edges { node { id deliveryError } } } }', {}, token);
    expect(queue.data?.cases.edges.find((e: any) => e.node.id === id)?.node.deliveryError).toContain('Unreachable destination handset');
    await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: REJECT, reason: "wrong number" }) { id } }', { id }, token);
  });
});

describe('behind a reverse proxy', () => {
  it('checks signatures against PUBLIC_URL, the address Twilio calls, not the one the API listens on', async () => {
    const proxied = await startStack({ env: { PUBLIC_URL: 'https://support.example.com/help' } });
    try {
      const params = inboundSms({ Body: 'Hello via the proxy' });
      const body = new URLSearchParams(params);
      const sign = (url: string) => twilio.getExpectedTwilioSignature(proxied.config.twilio.authToken, url, params);
      const send = (signature: string) => fetch(`${proxied.url}/webhooks/twilio/messages`, {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      });
      expect((await send(sign(`${proxied.url}/webhooks/twilio/messages`))).status).toBe(403);
      expect((await send(sign('https://support.example.com/help/webhooks/twilio/messages'))).status).toBe(200);
      await waitForStage(proxied.client.workflow.getHandle(caseWorkflowId('sms', params.MessageSid!)), 'awaiting_review');
    } finally {
      await proxied.stop();
    }
  });
});
