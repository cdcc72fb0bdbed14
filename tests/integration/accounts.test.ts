// Accounts as admins and reviewers meet them: console sessions in HTTP-only cookies with CSRF protection,
// revocable bearer tokens for scripts, sign-in throttling, the password policy and disabled accounts.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../../db/entities/index.js';
import { createUser, freshClientAddress, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const freshAddress = freshClientAddress;

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

function rawPost(query: string, headers: Record<string, string>): Promise<{ errors?: { extensions?: Record<string, any> }[] }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = http.request(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { email role } expiresAt } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email } } }';

async function consoleSession(role: 'REVIEWER' | 'ADMIN' = 'REVIEWER') {
  const { email, password } = await createUser(stack.orm, role);
  const { response, json } = await post({ query: SIGN_IN, variables: { e: email, p: password } }, { 'x-forwarded-for': freshAddress() });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { email, password, setCookie, json, cookie: setCookie.split(';')[0]! };
}

describe('console sessions', () => {
  it('signs in with an HTTP-only, SameSite=Strict cookie and never hands the token to the page', async () => {
    const { setCookie, json, email } = await consoleSession();
    expect(json.data.signIn.user.email).toBe(email);
    expect(JSON.stringify(json)).not.toMatch(/cs_/);
    expect(setCookie).toMatch(/^countersign_session=cs_/);
    expect(setCookie).toMatch(/httponly/i);
    expect(setCookie).toMatch(/samesite=strict/i);
  });

  it('answers the console with the cookie and the CSRF header, and refuses a POST without the header', async () => {
    const { cookie, email } = await consoleSession();
    const withHeader = await post({ query: '{ me { email } }' }, { cookie, 'x-countersign-csrf': '1' });
    expect(withHeader.json.data.me.email).toBe(email);

    const forged = await post({ query: 'mutation { createApiToken(name: "stolen") { token } }' }, { cookie });
    expect(forged.response.status).toBe(403);
    expect(forged.json.errors?.[0]?.extensions?.code).toBe('CSRF_CHECK_FAILED');

    // fetch() will not forge an Origin header; a plain HTTP client will, as a browser on another site sends it.
    const otherSite = await rawPost('{ me { email } }', { cookie, 'x-countersign-csrf': '1', origin: 'https://evil.example' });
    expect(otherSite.errors?.[0]?.extensions?.code).toBe('CSRF_CHECK_FAILED');
  });

  it('ends the session on sign-out: the cookie is cleared and no longer works', async () => {
    const { cookie } = await consoleSession();
    const out = await post({ query: 'mutation { logout }' }, { cookie, 'x-countersign-csrf': '1' });
    expect(out.json.data.logout).toBe(true);
    expect(out.response.headers.get('set-cookie')).toMatch(/countersign_session=;/);
    const after = await post({ query: '{ me { email } }' }, { cookie, 'x-countersign-csrf': '1' });
    expect(after.json.data.me).toBeNull();
  });
});

describe('bearer tokens', () => {
  it('issues a named token shown once, lists it, and stops accepting it once revoked', async () => {
    const { token } = await signIn(stack.url, stack.orm);
    const created = await gql(stack.url, 'mutation { createApiToken(name: "nightly export", expiresInDays: 7) { token apiToken { id name kind current } } }', {}, token);
    const script = created.data!.createApiToken;
    expect(script.apiToken).toMatchObject({ name: 'nightly export', kind: 'BEARER', current: false });
    expect((await gql(stack.url, '{ me { email } }', {}, script.token)).data!.me).not.toBeNull();

    const listed = await gql(stack.url, '{ apiTokens { id name current revokedAt } }', {}, token);
    expect(listed.data!.apiTokens).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: script.apiToken.id, name: 'nightly export', current: false, revokedAt: null }),
      expect.objectContaining({ name: 'login', current: true }),
    ]));

    const revoked = await gql(stack.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: script.apiToken.id }, token);
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    const refused = await gql(stack.url, 'mutation { createApiToken(name: "again") { token } }', {}, script.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not let one user revoke another user\'s token', async () => {
    const alice = await signIn(stack.url, stack.orm);
    const bob = await signIn(stack.url, stack.orm);
    const [bobs] = (await gql(stack.url, '{ apiTokens { id } }', {}, bob.token)).data!.apiTokens;
    const attempt = await gql(stack.url, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: bobs.id }, alice.token);
    expect(attempt.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.url, '{ me { email } }', {}, bob.token)).data!.me.email).toBe(bob.email);
  });
});

describe('sign-in throttling', () => {
  it('refuses an account after five failures, even with the right password, and says when to retry', async () => {
    const { email, password } = await createUser(stack.orm);
    const from = { 'x-forwarded-for': freshAddress() };
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await post({ query: LOGIN, variables: { e: email, p: 'not the password' } }, from);
      expect(wrong.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const right = await post({ query: LOGIN, variables: { e: email, p: password } }, { 'x-forwarded-for': freshAddress() });
    expect(right.json.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
    expect(right.json.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(right.json.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('refuses an address that failed against twenty accounts, but not the same account from elsewhere', async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < 20; attempt++) {
      await post({ query: LOGIN, variables: { e: `nobody-${randomUUID()}@example.com`, p: 'guess' } }, { 'x-forwarded-for': address });
    }
    const { email, password } = await createUser(stack.orm);
    const sprayed = await post({ query: LOGIN, variables: { e: email, p: password } }, { 'x-forwarded-for': address });
    expect(sprayed.json.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const elsewhere = await post({ query: LOGIN, variables: { e: email, p: password } }, { 'x-forwarded-for': freshAddress() });
    expect(elsewhere.json.data.login.user.email).toBe(email);
  });

  it('records each failure with the address it came from, and the same answer for unknown and wrong', async () => {
    const { email } = await createUser(stack.orm);
    const address = freshAddress();
    const unknown = await post({ query: LOGIN, variables: { e: `ghost-${randomUUID()}@example.com`, p: 'x' } }, { 'x-forwarded-for': address });
    const wrong = await post({ query: LOGIN, variables: { e: email, p: 'x' } }, { 'x-forwarded-for': address });
    expect(unknown.json.errors![0]!.message).toBe(wrong.json.errors![0]!.message);
    const failures = await stack.orm.em.fork().find(AuditEventSchema, { type: 'login_failed', actor: email });
    expect(failures.map((row) => row.detail)).toEqual([expect.objectContaining({ ip: address, reason: 'wrong_password' })]);
  });
});

describe('passwords and disabled accounts', () => {
  it('holds new passwords to the policy with a message saying what is wrong', async () => {
    const { token } = await signIn(stack.url, stack.orm, 'ADMIN');
    const create = (password: string) => gql(stack.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { email } }', {
      i: { email: `new-${randomUUID().slice(0, 8)}@example.com`, role: 'REVIEWER', password },
    }, token);
    expect((await create('short')).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringMatching(/12 characters/) });
    expect((await create('password1234')).errors?.[0]?.message).toMatch(/easy to guess/);
    expect((await create('correct horse battery staple')).data?.createUser.email).toMatch(/^new-/);
  });

  it('changes a password, ending every other session of the account', async () => {
    const { email, password } = await createUser(stack.orm);
    const login = async () => (await post({ query: LOGIN, variables: { e: email, p: password } }, { 'x-forwarded-for': freshAddress() })).json.data.login.token as string;
    const [laptop, phone] = [await login(), await login()];
    const changed = await gql(stack.url, 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }',
      { c: password, n: 'a much longer passphrase' }, laptop);
    expect(changed.data?.changePassword.email).toBe(email);
    expect((await gql(stack.url, '{ me { email } }', {}, laptop)).data!.me).not.toBeNull();
    expect((await gql(stack.url, '{ me { email } }', {}, phone)).data!.me).toBeNull();
  });

  it('locks a disabled user out at once and keeps the last admin from being demoted', async () => {
    const { token } = await signIn(stack.url, stack.orm, 'ADMIN');
    const reviewer = await signIn(stack.url, stack.orm);
    const { data } = await gql(stack.url, '{ me { id } }', {}, reviewer.token);
    const disabled = await gql(stack.url, 'mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabled } }', { id: data!.me.id }, token);
    expect(disabled.data?.updateUser.disabled).toBe(true);
    expect((await gql(stack.url, '{ me { email } }', {}, reviewer.token)).data!.me).toBeNull();

    // "The last admin" is a fact about the whole database: disable the other admins for a moment, then
    // give them back, so other test files' admins are untouched.
    const em = stack.orm.em.fork();
    const self = (await gql(stack.url, '{ me { id } }', {}, token)).data!.me.id as string;
    const others = await em.getConnection().execute<{ id: string }[]>(
      `update users set disabled_at = now() where role = 'ADMIN' and disabled_at is null and id <> ? returning id`, [self]);
    try {
      const demote = await gql(stack.url, 'mutation($id: ID!) { updateUser(id: $id, input: { role: REVIEWER }) { role } }', { id: self }, token);
      expect(demote.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringMatching(/only enabled admin/) });
      const disableSelf = await gql(stack.url, 'mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { role } }', { id: self }, token);
      expect(disableSelf.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    } finally {
      if (others.length) await em.getConnection().execute(`update users set disabled_at = null where id = any(?::uuid[])`, [`{${others.map((o) => o.id).join(',')}}`]);
    }
  });
});
