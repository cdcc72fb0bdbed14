// Two API instances (each with its worker) on one PostgreSQL and one Temporal server: a console connected
// to one instance sees, live, every change made through the other, because events travel by LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId } from '../../domain/case.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';

let first: Stack;
let second: Stack;
beforeAll(async () => {
  [first, second] = await Promise.all([startStack(), startStack()]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

/** Opens an SSE subscription; `events` reads it until `done` holds for the events so far, then hangs up. */
async function subscribe(stack: Stack, token: string, query: string, done: (events: any[]) => boolean): Promise<{ events: Promise<any[]> }> {
  const controller = new AbortController();
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  return { events: readUntil(reader, controller, done) };
}

async function readUntil(reader: ReadableStreamDefaultReader<string>, controller: AbortController, done: (events: any[]) => boolean) {
  const events: any[] = [];
  let buffer = '';
  try {
    while (!done(events)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('');
        buffer = buffer.slice(end + 2);
        if (data.trim()) events.push(JSON.parse(data).data?.caseEvents);
      }
    }
  } finally {
    controller.abort();
  }
  return events;
}

describe('two API instances', () => {
  it('streams to a console on one instance the opening, claim, decision and reply of a case handled by the other', async () => {
    const watcher = await signIn(second.url, second.orm, 'SUPERVISOR');
    const reviewer = await signIn(first.url, first.orm);
    const params = inboundSms({ Body: 'Two instances, one case: where is order 3120?' });
    const id = caseWorkflowId('sms', params.MessageSid!);

    const streamed = await subscribe(second, watcher.token, `subscription { caseEvents(caseId: "${id}") { caseId type stage case { claimedBy } } }`,
      (events) => events.some((event) => event.type === 'reply_sent'));
    // The stream is open; give the server a moment to attach its listener before the case starts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { publicUrl, twilio } = first.config;
    expect((await postTwilioWebhook(first.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, params)).status).toBe(200);
    await waitForStage(first.client.workflow.getHandle(id), 'awaiting_review');
    const claimed = await gql(first.url, 'mutation($id: ID!) { claimCase(id: $id) { claimedBy } }', { id }, reviewer.token);
    expect(claimed.data?.claimCase.claimedBy).toBe(reviewer.email);
    const decided = await gql(first.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { stage } }', { id }, reviewer.token);
    expect(decided.errors).toBeUndefined();

    const events = await streamed.events;
    expect(events.every((event) => event.caseId === id)).toBe(true);
    const types = events.map((event) => event.type);
    for (const type of ['case_opened', 'review_requested', 'claimed', 'decided', 'reply_sent']) expect(types).toContain(type);
    expect(types.indexOf('claimed')).toBeLessThan(types.indexOf('decided'));
    expect(events.find((event) => event.type === 'claimed').case.claimedBy).toBe(reviewer.email);
    expect(events.at(-1)).toMatchObject({ type: 'reply_sent', stage: 'SENT' });
  });

  it('serves the same case, sessions and tokens from either instance', async () => {
    const { token, email } = await signIn(first.url, first.orm);
    expect((await gql(second.url, '{ me { email } }', {}, token)).data?.me.email).toBe(email);
    await gql(first.url, 'mutation { logout }', {}, token);
    expect((await gql(second.url, '{ me { email } }', {}, token)).data?.me).toBeNull();
  });
});
