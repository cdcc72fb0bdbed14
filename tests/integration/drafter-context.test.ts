// The drafter writes with the customer's whole story: the official `openai` SDK against a local
// OpenAI-compatible endpoint shows that a WhatsApp message is drafted with what the same customer said and
// was told on SMS, with their PII as tokens, and with the media they attached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId } from '../../domain/case.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startRecordingLlm, type RecordingLlm } from '../helpers/openai-server.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { customerNumber, inboundSms, postTwilioWebhook } from '../helpers/twilio.js';

let llm: RecordingLlm;
let stack: Stack;
let token: string;
beforeAll(async () => {
  llm = await startRecordingLlm();
  stack = await startStack({ env: { OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'test-key', LLM_MODEL: 'test-model' } });
  ({ token } = await signIn(stack.url, stack.orm));
});
afterAll(async () => {
  await stack?.stop();
  await llm?.close();
});

const webhook = (params: Record<string, string>) =>
  postTwilioWebhook(stack.url, stack.config.publicUrl, '/webhooks/twilio/messages', stack.config.twilio.authToken, params);

describe('drafting with the customer\'s history', () => {
  it('shows the drafter what the customer said and was told on other channels, PII tokenised', async () => {
    const number = customerNumber();
    const sms = inboundSms({ From: number, Body: 'My parcel 4471 has not arrived, write to me at kim@example.org' });
    await webhook(sms);
    const smsId = caseWorkflowId('sms', sms.MessageSid!);
    await waitForStage(stack.client.workflow.getHandle(smsId), 'awaiting_review');
    await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: EDIT, text: "Sorry! A new parcel leaves today." }) { id } }', { id: smsId }, token);
    await stack.client.workflow.getHandle(smsId).result();

    const whatsapp = inboundSms({
      From: `whatsapp:${number}`, To: 'whatsapp:+15550000000', Body: 'It still has not come, photo attached',
      NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/ME1', MediaContentType0: 'image/jpeg',
    });
    await webhook(whatsapp);
    await waitForStage(stack.client.workflow.getHandle(caseWorkflowId('whatsapp', whatsapp.MessageSid!)), 'awaiting_review');

    const prompt = llm.prompts.at(-1)!;
    expect(prompt).toMatch(/Channel: whatsapp/);
    expect(prompt).toMatch(/sms\] customer: My parcel 4471 has not arrived, write to me at ⟨EMAIL_1⟩/);
    expect(prompt).toMatch(/sms\] business: Sorry! A new parcel leaves today\./);
    expect(prompt).toMatch(/Customer message:\nIt still has not come, photo attached/);
    expect(prompt).toMatch(/attached: image\/jpeg/);
    expect(prompt).not.toContain('kim@example.org');
    // The first message had no history to show.
    expect(llm.prompts[0]).not.toMatch(/Earlier conversation/);
  });
});

describe('a web chat visitor who types a customer\'s email', () => {
  it('is linked for reviewers, but the drafter reads the customer\'s other channels only once a supervisor vouches', async () => {
    const supervisor = await signIn(stack.url, stack.orm, 'SUPERVISOR');
    const sms = inboundSms({ Body: 'My account number is 5561 and my balance looks wrong' });
    await webhook(sms);
    const smsCase = await waitForStage(stack.client.workflow.getHandle(caseWorkflowId('sms', sms.MessageSid!)), 'awaiting_review');
    const email = `lee-${Date.now()}@example.com`;
    const link = 'mutation($c: ID!, $ch: Channel!, $a: String!) { linkIdentity(customerId: $c, channel: $ch, address: $a) { id } }';
    await gql(stack.url, link, { c: smsCase.customerId, ch: 'EMAIL', a: email }, supervisor.token);

    const chat = async (text: string, cookie?: string) => {
      const response = await fetch(`${stack.url}/chat/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ text, email }),
      });
      const { caseId } = await response.json();
      const state = await waitForStage(stack.client.workflow.getHandle(caseId), 'awaiting_review');
      return { state, cookie: cookie ?? response.headers.get('set-cookie')!.split(';')[0]! };
    };
    const first = await chat('What is my balance?');
    expect(first.state.customerId).toBe(smsCase.customerId);
    expect(llm.prompts.at(-1)).not.toContain('5561');

    const visitorId = first.cookie.split('=')[1]!.split('.')[0]!;
    expect((await gql(stack.url, link, { c: smsCase.customerId, ch: 'WEBCHAT', a: visitorId }, supervisor.token)).errors).toBeUndefined();
    await chat('And now?', first.cookie);
    expect(llm.prompts.at(-1)).toMatch(/sms\] customer: My account number is 5561/);
  });
});
