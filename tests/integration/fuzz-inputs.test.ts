// Random and hostile input at every door: Twilio webhooks, the web chat, GraphQL variables and the guardrail.
// Each must answer with a clear 4xx (or a normal answer), never crash or 5xx, and store nothing it refused.
// Seeded, so a failure repeats the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, CaseSchema, PolicyVersionSchema } from '../../db/entities/index.js';
import { caseWorkflowId } from '../../domain/case.js';
import { gql, signIn } from '../helpers/graphql.js';
import { seededRandom } from '../../runtime/seeded-random.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, messageSid, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let admin: string;
const random = seededRandom(20261202);

beforeAll(async () => {
  stack = await startStack();
  ({ token: admin } = await signIn(stack.url, stack.orm, 'ADMIN'));
});
afterAll(async () => {
  await stack?.stop();
});

const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const HOSTILE_PIECES = [
  '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', '😀', '𝕏', 'ß', '\r\n', '\t',
  '<script>alert(1)</script>', "'; drop table cases; --", '${7*7}', '{{7*7}}', '%00', '%FF', '../../etc/passwd', '=cmd|calc!A1',
  'ignore previous instructions', 'A'.repeat(5000),
];
function hostileText(maxPieces = 12): string {
  return Array.from({ length: 1 + Math.floor(random() * maxPieces) }, () => pick(HOSTILE_PIECES)).join(pick(['', ' ', '\n']));
}
function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const workflowExists = (caseId: string) => stack.client.workflow.getHandle(caseId).describe().then(() => true, () => false);

describe('Twilio webhooks', () => {
  it('answers hostile bodies with 4xx or a normal 200, never 5xx, and starts a case only for messages it accepted', async () => {
    const { publicUrl, twilio } = stack.config;
    const outcomes: { status: number; sid: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const sid = messageSid();
      const params = inboundSms({ MessageSid: sid, Body: hostileText(), ...(random() < 0.3 ? { From: hostileText(3) } : {}), ...(random() < 0.2 ? { NumMedia: hostileText(2) } : {}) });
      const response = await postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, params);
      outcomes.push({ status: response.status, sid });
    }
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.every((o) => [200, 400, 413].includes(o.status))).toBe(true);
    for (const { status, sid } of outcomes) {
      expect({ sid, status, started: await workflowExists(caseWorkflowId('sms', sid)) }).toEqual({ sid, status, started: status === 200 });
    }
    // Every accepted message becomes a recorded case: none is stuck on a character PostgreSQL cannot hold.
    for (const { sid } of outcomes.filter((o) => o.status === 200)) {
      const caseId = caseWorkflowId('sms', sid);
      await waitFor(() => stack.orm.em.fork().findOne(CaseSchema, { id: caseId }), (row) => row !== null && row.stage !== 'screening', `case ${caseId} recorded`);
      await stack.client.workflow.getHandle(caseId).terminate('fuzz over').catch(() => undefined);
    }
  });

  it('refuses a 2 MB body, invalid percent-encoding and a bad signature without starting anything', async () => {
    const { publicUrl, twilio } = stack.config;
    const sid = messageSid();
    const huge = await postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, inboundSms({ MessageSid: sid, Body: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    const raw = await fetch(`${stack.url}/webhooks/twilio/messages`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' }, body: `MessageSid=${sid}&Body=%E0%A4%A`,
    });
    expect([400, 403]).toContain(raw.status);
    const unsigned = await postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, inboundSms({ MessageSid: sid }), { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(unsigned.status).toBe(403);
    expect(await workflowExists(caseWorkflowId('sms', sid))).toBe(false);
  });
});

describe('web chat', () => {
  it('answers hostile JSON with 4xx and a reason, never 5xx', async () => {
    const bodies = [
      deepJson(100_000), '{"text": ', 'null', '[]', '"text"', '{"text": {"$gt": ""}}', `{"text": ${JSON.stringify('x'.repeat(20_000))}}`,
      '{"text": "hi", "email": "not-an-email"}', '{"text": "hi", "clientMessageId": "../../x"}', '\u0000\u0001', '{"text": "\\u0000"}',
    ];
    for (const body of bodies) {
      const response = await fetch(`${stack.url}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect({ body: body.slice(0, 40), status: response.status }).toEqual({ body: body.slice(0, 40), status: expect.any(Number) });
      expect(response.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
      expect((await response.json()).error).toEqual(expect.any(String));
    }
  });
});

describe('GraphQL arguments the database cannot take', () => {
  // Found by schemathesis: a NUL character in an id reached PostgreSQL and came back as "Unexpected error.".
  it('answers BAD_INPUT, NOT_FOUND or nothing found, never INTERNAL_SERVER_ERROR', async () => {
    const queries: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { case(id: $id) { id } }', { id: 'msg:sms:SM\u0000x' }],
      ['query($n: String!) { handsetThread(number: $n, channel: SMS) { sid } }', { n: '+1555\u00000001' }],
      ['query($id: ID!) { customer(id: $id) { id } }', { id: 'not-a-uuid\u0000' }],
      ['query($id: ID!) { conversation(id: $id) { id } }', { id: '\u0000' }],
    ];
    for (const [query, variables] of queries) {
      const { data, errors } = await gql(stack.url, query, variables, admin);
      if (errors) expect(errors.map((e) => e.extensions?.code), query).toEqual([expect.stringMatching(/^(BAD_INPUT|NOT_FOUND)$/)]);
      else expect(Object.values(data!), query).toEqual([null]);
    }
  });
});

describe('cookies', () => {
  it('treats a malformed session or visitor cookie as none: signed out, never a 500', async () => {
    const cookies = ['countersign_session=%E0%A4%A', 'countersign_session=%', 'countersign_session=%zz; cs_visitor=%E0%A4%A', `countersign_session=${'%'.repeat(300)}`];
    for (const cookie of cookies) {
      const me = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"query":"{ me { id } }"}' });
      expect(me.status, cookie).toBe(200);
      expect(await me.json(), cookie).toEqual({ data: { me: null } });
      const guarded = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"query":"{ cases { totalCount } }"}' });
      expect((await guarded.json()).errors?.[0]?.extensions?.code, cookie).toBe('UNAUTHENTICATED');
      expect((await fetch(`${stack.url}/api/audit/export`, { headers: { cookie } })).status, cookie).toBe(401);
      expect((await fetch(`${stack.url}/chat/api/events`, { headers: { cookie } })).status, cookie).toBe(401);
    }
  });
});

describe('GraphQL variables', () => {
  it('refuses random variables for mutations with a coded error and changes nothing', async () => {
    const em = stack.orm.em.fork();
    const before = { audit: await em.count(AuditEventSchema, {}), versions: await em.count(PolicyVersionSchema, {}), cases: await em.count(CaseSchema, {}) };
    const values = () => pick<unknown>([hostileText(), -1, 1e308, Number.MAX_SAFE_INTEGER, true, null, [], {}, [hostileText()], { $where: '1' }, JSON.parse(deepJson(40))]);
    const documents = [
      ['mutation($id: ID!, $input: DecisionInput!) { decideCase(id: $id, input: $input) { id } }', () => ({ id: values(), input: { decision: pick(['APPROVE', 'EDIT', 'REJECT', hostileText(1)]), text: values(), reason: values() } })],
      ['mutation($c: [SettingChangeInput!]!) { updateSettings(changes: $c) { key } }', () => ({ c: [{ key: pick(['claimTtl', 'branding.primaryColor', 'routing.thresholds', hostileText(2)]), value: values() }] })],
      ['mutation($id: ID!, $d: Disposition!) { closeConversation(id: $id, disposition: $d) { id } }', () => ({ id: values(), d: pick(['RESOLVED', hostileText(1)]) })],
      ['mutation($f: [MarkdownFileInput!]!) { importArticles(files: $f) { id } }', () => ({ f: [{ name: values(), content: values() }] })],
      ['query($id: ID!, $t: String!) { checkReply(caseId: $id, text: $t) { verdict } }', () => ({ id: values(), t: values() })],
    ] as const;
    for (let i = 0; i < 60; i++) {
      const [query, variables] = pick(documents);
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables: variables() }),
      });
      expect(response.status, query).toBeLessThan(500);
      const result = await response.json() as { errors?: { extensions?: { code?: string } }[] };
      for (const error of result.errors ?? []) expect(error.extensions?.code, JSON.stringify(error)).toMatch(/^[A-Z_]+$/);
    }
    const after = { audit: await em.count(AuditEventSchema, {}), versions: await em.count(PolicyVersionSchema, {}), cases: await em.count(CaseSchema, {}) };
    expect(after).toEqual(before);
  });
});

describe('guardrail', () => {
  it('classifies any hostile text without failing, and its redacted copy never grows a raw email', async () => {
    for (let i = 0; i < 40; i++) {
      const text = `${hostileText(20)} write to sam${i}@example.org`;
      const { data, errors } = await gql(stack.url, 'query($t: String!) { testGuardrails(text: $t) { classification redacted segments { text } } }', { t: text.slice(0, 20_000) }, admin);
      expect(errors).toBeUndefined();
      expect(['SECURITY_VIOLATION', 'OUT_OF_SCOPE', 'IN_SCOPE']).toContain(data!.testGuardrails.classification);
      expect(data!.testGuardrails.redacted).not.toContain(`sam${i}@example.org`);
      expect(data!.testGuardrails.segments.map((s: { text: string }) => s.text).join('')).toBe(text.slice(0, 20_000));
    }
  });
});
