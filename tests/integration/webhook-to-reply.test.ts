// One customer message through the whole product over real HTTP: a Twilio-signed webhook, the case in
// GraphQL, a reviewer's decision (GraphQL, the Temporal CLI), and the single reply in the Twilio emulator.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { CaseSchema } from '../../db/entities/index.js';
import { caseWorkflowId } from '../../domain/case.js';
import { repliesTo, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';

const run = promisify(execFile);

let stack: Stack;
let token: string;

beforeAll(async () => {
  stack = await startStack();
  ({ token } = await signIn(stack.url, stack.orm));
});
afterAll(async () => {
  await stack?.stop();
});

function sendWebhook(params: Record<string, string>, signature?: string) {
  const { publicUrl, twilio } = stack.config;
  return postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, params, { signature });
}

const CASE_FIELDS = 'id stage channel intent confidence draft inboundText customer { id } decision decidedBy';

async function caseById(id: string) {
  const result = await gql(stack.url, `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id }, token);
  return result.data?.case;
}

describe('a signed Twilio webhook', () => {
  it('creates a case reviewers see in GraphQL, and an approval through GraphQL sends exactly one reply', async () => {
    const params = inboundSms({ Body: 'Hello! Where is my order 88231?' });
    const response = await sendWebhook(params);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(await response.text()).toContain('<Response/>');

    const id = caseWorkflowId('sms', params.MessageSid!);
    const queued = await waitFor(
      () => gql(stack.url, `{ cases(stage: AWAITING_REVIEW, first: 200) { totalCount edges { node { ${CASE_FIELDS} } } } }`, {}, token),
      (r) => Boolean(r.data?.cases.edges.some((e: any) => e.node.id === id)),
      'the case in the review queue',
    );
    const node = queued.data!.cases.edges.find((e: any) => e.node.id === id).node;
    expect(node).toMatchObject({ stage: 'AWAITING_REVIEW', channel: 'SMS', inboundText: 'Hello! Where is my order 88231?' });
    expect(node.draft).toBeTruthy();
    expect(node.customer.id).toBeTruthy();

    const decided = await gql(stack.url, `mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE, decisionId: "d-1" }) { ${CASE_FIELDS} } }`, { id }, token);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideCase).toMatchObject({ id, stage: 'SENDING', decision: 'APPROVE' });

    await waitFor(() => caseById(id), (c) => c?.stage === 'SENT', 'the case to be sent');
    const replies = await repliesTo(stack, params.From!);
    expect(replies.map((r) => [r.body, r.from])).toEqual([[node.draft, params.To]]);

    const again = await gql(stack.url, `mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id } }`, { id }, token);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_AWAITING_REVIEW');
    expect(await repliesTo(stack, params.From!)).toHaveLength(1);
  });

  it('can be approved with `temporal workflow signal --name review`, as ops do', async () => {
    const params = inboundSms({ Body: 'Can you help with my account?' });
    await sendWebhook(params);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');

    await run(inject('temporalCli'), [
      'workflow', 'signal', '--address', stack.config.temporal.address!, '--namespace', 'default',
      '--workflow-id', id, '--name', 'review', '--input', JSON.stringify({ decision: 'approve', reviewer: 'ops@example.com' }),
    ]);

    const sent = await waitFor(() => caseById(id), (c) => c?.stage === 'SENT', 'the case to be sent');
    expect(sent.decidedBy).toBe('ops@example.com');
    expect(await repliesTo(stack, params.From!)).toHaveLength(1);
  });

  it('answers ops on `temporal workflow update execute --name decide`: refused with its reason, or accepted with the new state', async () => {
    const params = inboundSms({ Body: 'Can I get my money back?' });
    await sendWebhook(params);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');
    const cli = (...args: string[]) => run(inject('temporalCli'), ['workflow', ...args, '--address', stack.config.temporal.address!, '--namespace', 'default', '--workflow-id', id]);
    const decide = (decision: Record<string, string>) => cli('update', 'execute', '--output', 'json', '--name', 'decide', '--input', JSON.stringify({ reviewer: 'ops@example.com', ...decision }));

    // A reply the outbound rules block: the operator is told so, and nothing is sent.
    const refused = await decide({ decision: 'edit', text: 'We guarantee a full refund by tomorrow.' }).then(() => null, (error: { stdout: string; stderr: string }) => error.stderr + error.stdout);
    expect(refused).toMatch(/OUTBOUND_BLOCKED|cannot be sent/);
    expect((await caseById(id))?.stage).toBe('AWAITING_REVIEW');

    const accepted = await decide({ decision: 'approve' });
    expect(accepted.stdout).toMatch(/"stage":\s*"(sending|sent)"/);
    await waitFor(() => caseById(id), (c) => c?.stage === 'SENT', 'the case to be sent');
    expect(await repliesTo(stack, params.From!)).toHaveLength(1);

    // Once the case's workflow has ended (after the delivery report), Temporal itself refuses a late signal or Update.
    await stack.client.workflow.getHandle(id).result();
    const lateSignal = await cli('signal', '--name', 'review', '--input', JSON.stringify({ decision: 'approve', reviewer: 'ops@example.com' }))
      .then(() => null, (error: { stderr: string }) => error.stderr);
    expect(lateSignal).toMatch(/already completed/i);
    expect(await decide({ decision: 'approve' }).then(() => null, (error: { stderr: string }) => error.stderr)).toMatch(/already completed/i);
    expect(await repliesTo(stack, params.From!)).toHaveLength(1);
  });

  it('starts no second case when Twilio delivers the same message again, before or after it closes', async () => {
    const params = inboundSms({ Body: 'Hello, is the shop open on Sunday?' });
    expect((await sendWebhook(params)).status).toBe(200);
    expect((await sendWebhook(params)).status).toBe(200);
    const id = caseWorkflowId('sms', params.MessageSid!);
    const handle = stack.client.workflow.getHandle(id);
    const { runId } = await handle.describe();
    await waitForStage(handle, 'awaiting_review');
    await gql(stack.url, `mutation($id: ID!) { decideCase(id: $id, input: { decision: REJECT, reason: "test" }) { id } }`, { id }, token);
    await handle.result();

    expect((await sendWebhook(params)).status).toBe(200);
    const executions = [];
    for await (const execution of stack.client.workflow.list({ query: `WorkflowId = '${id}'` })) executions.push(execution);
    expect(executions.map((e) => e.runId)).toEqual([runId]);
    expect(await stack.orm.em.fork().count(CaseSchema, { id })).toBe(1);
  });

  it('is refused with 403 when the signature is missing or wrong, and nothing is stored or started', async () => {
    const params = inboundSms({ Body: 'forged' });
    expect((await sendWebhook(params, 'not-a-signature')).status).toBe(403);
    const unsigned = await fetch(`${stack.url}/webhooks/twilio/messages`, { method: 'POST', body: new URLSearchParams(params) });
    expect(unsigned.status).toBe(403);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await expect(stack.client.workflow.getHandle(id).describe()).rejects.toThrow(/not found/i);
    expect(await stack.orm.em.fork().count(CaseSchema, { id })).toBe(0);
  });

  it('answers 400 for a signed request without the fields Twilio always sends', async () => {
    const response = await sendWebhook({ Body: 'no sid' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/MessageSid/);
  });
});

describe('GraphQL', () => {
  it('refuses everything but login without a token', async () => {
    const result = await gql(stack.url, '{ cases { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await gql(stack.url, '{ me { email } }');
    expect(me.data?.me).toBeNull();
  });

  it('says "wrong email or password" for bad credentials without telling which', async () => {
    const result = await gql(stack.url, 'mutation { login(email: "nobody@example.com", password: "x") { token } }');
    expect(result.errors?.[0]).toMatchObject({ message: 'wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('answers malformed queries with a GraphQL error, never a stack trace', async () => {
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cases( ' }),
    });
    const body = await response.text();
    expect(JSON.parse(body).errors[0].message).toMatch(/Syntax Error/);
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('reports NOT_FOUND for a case that does not exist and BAD_INPUT for an edit without text', async () => {
    const missing = await gql(stack.url, 'mutation { decideCase(id: "msg:sms:nope", input: { decision: APPROVE }) { id } }', {}, token);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const emptyEdit = await gql(stack.url, 'mutation { decideCase(id: "msg:sms:nope", input: { decision: EDIT, text: " " }) { id } }', {}, token);
    expect(emptyEdit.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('streams case events over SSE to subscribers', async () => {
    const controller = new AbortController();
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { caseEvents { caseId type stage case { inboundText } } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const params = inboundSms({ Body: 'Hello from the subscription test' });
    const id = caseWorkflowId('sms', params.MessageSid!);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    setTimeout(() => void sendWebhook(params), 200);
    while (!received.includes(`"caseId":"${id}"`)) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    controller.abort();
    expect(received).toContain('Hello from the subscription test');
  });

  it('lets a reviewer claim a case so a colleague cannot decide it meanwhile', async () => {
    const params = inboundSms({ Body: 'Can I pay by bank transfer?' });
    await sendWebhook(params);
    const id = caseWorkflowId('sms', params.MessageSid!);
    await waitForStage(stack.client.workflow.getHandle(id), 'awaiting_review');
    const alice = await signIn(stack.url, stack.orm);
    const claimed = await gql(stack.url, 'mutation($id: ID!) { claimCase(id: $id) { claimedBy claimedUntil } }', { id }, alice.token);
    expect(claimed.data?.claimCase).toMatchObject({ claimedBy: alice.email, claimedUntil: expect.any(String) });

    const refused = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id } }', { id }, token);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CLAIMED_BY_OTHER' }, message: expect.stringContaining(alice.email) });

    const blocked = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: EDIT, text: "I guarantee a full refund is guaranteed." }) { id } }', { id }, alice.token);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('OUTBOUND_BLOCKED');

    const approved = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { stage decidedBy } }', { id }, alice.token);
    expect(approved.data?.decideCase).toEqual({ stage: 'SENDING', decidedBy: alice.email });
  });

  it('ends a token\'s validity at logout', async () => {
    const session = await signIn(stack.url, stack.orm);
    expect((await gql(stack.url, 'mutation { logout }', {}, session.token)).data?.logout).toBe(true);
    expect((await gql(stack.url, '{ me { email } }', {}, session.token)).data?.me).toBeNull();
  });
});

describe('health', () => {
  it('is ready when PostgreSQL, Temporal and a worker answer, and exports metrics', async () => {
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, postgres: { ok: true }, temporal: { ok: true }, worker: { ok: true } });
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/countersign_webhooks_total\{kind="message",outcome="started"\} \d+/);
  });
});
