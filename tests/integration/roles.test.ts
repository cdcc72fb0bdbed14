// Every mutation, and every query kept to a role, tried by an anonymous caller and by each role: refused
// below the operation's role, let through (to a harmless "not found" or "bad input") at or above it.
import { buildSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../api/graphql/yoga.js';
import type { Role } from '../../db/entities/index.js';
import { freshClientAddress, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

type Minimum = 'PUBLIC' | 'SIGNED_IN' | Role;

interface Operation {
  kind: 'mutation' | 'query';
  name: string;
  minimum: Minimum;
  /** Arguments that get past the role check but change nothing (an unknown id, an invalid value). */
  document: string;
}

const missingCase = 'msg:sms:SM-no-such-case';
const uuid = () => randomUUID();

const OPERATIONS: Operation[] = [
  { kind: 'mutation', name: 'login', minimum: 'PUBLIC', document: `mutation { login(email: "ghost-${uuid()}@example.com", password: "x") { token } }` },
  { kind: 'mutation', name: 'signIn', minimum: 'PUBLIC', document: `mutation { signIn(email: "ghost-${uuid()}@example.com", password: "x") { expiresAt } }` },
  { kind: 'mutation', name: 'logout', minimum: 'SIGNED_IN', document: 'mutation { logout }' },
  { kind: 'mutation', name: 'changePassword', minimum: 'SIGNED_IN', document: 'mutation { changePassword(currentPassword: "wrong", newPassword: "whatever it is") { id } }' },
  { kind: 'mutation', name: 'createApiToken', minimum: 'SIGNED_IN', document: 'mutation { createApiToken(name: "") { token } }' },
  { kind: 'mutation', name: 'revokeApiToken', minimum: 'SIGNED_IN', document: `mutation { revokeApiToken(id: "${uuid()}") { id } }` },
  { kind: 'mutation', name: 'sendFromHandset', minimum: 'SIGNED_IN', document: 'mutation { sendFromHandset(input: { number: "not a number", channel: SMS, body: "hi" }) { sid } }' },
  { kind: 'mutation', name: 'decideCase', minimum: 'REVIEWER', document: `mutation { decideCase(id: "${missingCase}", input: { decision: APPROVE }) { id } }` },
  { kind: 'mutation', name: 'claimCase', minimum: 'REVIEWER', document: `mutation { claimCase(id: "${missingCase}") { id } }` },
  { kind: 'mutation', name: 'releaseCase', minimum: 'REVIEWER', document: `mutation { releaseCase(id: "${missingCase}") { id } }` },
  { kind: 'mutation', name: 'escalateCase', minimum: 'SUPERVISOR', document: `mutation { escalateCase(id: "${missingCase}") { id } }` },
  { kind: 'mutation', name: 'reassignCase', minimum: 'SUPERVISOR', document: `mutation { reassignCase(id: "${missingCase}", reviewer: "nobody-${uuid()}@example.com") { id } }` },
  { kind: 'mutation', name: 'linkIdentity', minimum: 'SUPERVISOR', document: `mutation { linkIdentity(customerId: "${uuid()}", channel: SMS, address: "+15550001111") { id } }` },
  { kind: 'mutation', name: 'mergeCustomers', minimum: 'SUPERVISOR', document: `mutation { mergeCustomers(sourceId: "${uuid()}", targetId: "${uuid()}") { id } }` },
  { kind: 'mutation', name: 'createUser', minimum: 'ADMIN', document: `mutation { createUser(input: { email: "n-${uuid()}@example.com", role: REVIEWER, password: "short" }) { id } }` },
  { kind: 'mutation', name: 'updateUser', minimum: 'ADMIN', document: `mutation { updateUser(id: "${uuid()}", input: { role: REVIEWER }) { id } }` },
  { kind: 'mutation', name: 'updateSettings', minimum: 'ADMIN', document: 'mutation { updateSettings(changes: [{ key: "no.such.setting", value: 1 }]) { key } }' },
  { kind: 'mutation', name: 'saveRuleSet', minimum: 'ADMIN', document: 'mutation { saveRuleSet(input: { topics: [{ id: "bad id!", name: "x", phrases: ["x"] }], customRules: [] }) { version } }' },
  { kind: 'mutation', name: 'closeConversation', minimum: 'REVIEWER', document: `mutation { closeConversation(id: "${uuid()}", disposition: RESOLVED) { id } }` },
  { kind: 'mutation', name: 'createArticle', minimum: 'ADMIN', document: 'mutation { createArticle(input: { title: "", body: "" }) { id } }' },
  { kind: 'mutation', name: 'updateArticle', minimum: 'ADMIN', document: `mutation { updateArticle(id: "${uuid()}", input: { title: "x", body: "y" }) { id } }` },
  { kind: 'mutation', name: 'deleteArticle', minimum: 'ADMIN', document: `mutation { deleteArticle(id: "${uuid()}") }` },
  { kind: 'mutation', name: 'importArticles', minimum: 'ADMIN', document: 'mutation { importArticles(files: [{ name: "empty.md", content: "" }]) { id } }' },
  { kind: 'query', name: 'draftingQuality', minimum: 'ADMIN', document: '{ draftingQuality(sinceDays: 0) { intent } }' },
  { kind: 'query', name: 'users', minimum: 'SUPERVISOR', document: '{ users { id } }' },
  { kind: 'query', name: 'teamLoad', minimum: 'SUPERVISOR', document: '{ teamLoad { claimed } }' },
  { kind: 'query', name: 'auditLog', minimum: 'SUPERVISOR', document: '{ auditLog(first: 1) { pageInfo { hasNextPage } } }' },
  { kind: 'query', name: 'dashboard', minimum: 'SUPERVISOR', document: '{ dashboard { autoSent } }' },
  { kind: 'query', name: 'ruleSets', minimum: 'SUPERVISOR', document: '{ ruleSets(first: 1) { version } }' },
  { kind: 'query', name: 'effectiveSettings', minimum: 'ADMIN', document: '{ effectiveSettings { key } }' },
  { kind: 'query', name: 'settingsVersions', minimum: 'ADMIN', document: '{ settingsVersions(first: 1) { version } }' },
  { kind: 'query', name: 'backtestGuardrails', minimum: 'ADMIN', document: '{ backtestGuardrails(ruleSetVersion: 0, sinceDays: 0) { changedCount } }' },
];

const RANK: Record<Minimum, number> = { PUBLIC: 0, SIGNED_IN: 1, REVIEWER: 1, SUPERVISOR: 2, ADMIN: 3 };
const CALLERS = ['anonymous', 'REVIEWER', 'SUPERVISOR', 'ADMIN'] as const;
type Caller = (typeof CALLERS)[number];

let stack: Stack;
const tokens = new Map<Caller, string>();
beforeAll(async () => {
  stack = await startStack();
  for (const role of ['REVIEWER', 'SUPERVISOR', 'ADMIN'] as const) tokens.set(role, (await signIn(stack.url, stack.orm, role)).token);
});
afterAll(async () => {
  await stack?.stop();
});

describe('roles', () => {
  it('covers every mutation in the schema', () => {
    const mutations = Object.keys(buildSchema(typeDefs).getMutationType()!.getFields());
    expect(OPERATIONS.filter((op) => op.kind === 'mutation').map((op) => op.name).sort()).toEqual(mutations.sort());
  });

  const cases = OPERATIONS.flatMap((op) => CALLERS.map((caller) => ({ ...op, caller })));
  it.each(cases)('$name ($minimum) as $caller', async ({ name, minimum, document, caller }) => {
    // logout ends the session it is called with: give it one of its own.
    const token = caller === 'anonymous' ? undefined
      : name === 'logout' ? (await signIn(stack.url, stack.orm, caller)).token : tokens.get(caller);
    const { errors } = await gql(stack.url, document, {}, token, { 'x-forwarded-for': freshClientAddress() });
    const code = errors?.[0]?.extensions?.code;
    const rank = caller === 'anonymous' ? 0 : RANK[caller];
    if (minimum === 'PUBLIC') {
      // Anyone may try to sign in; these credentials are simply wrong.
      expect(errors?.[0]?.message).toBe('wrong email or password');
    } else if (caller === 'anonymous') {
      expect(code).toBe('UNAUTHENTICATED');
    } else if (rank < RANK[minimum]) {
      expect(code).toBe('FORBIDDEN');
    } else {
      expect(code === undefined || !['FORBIDDEN', 'UNAUTHENTICATED'].includes(code)).toBe(true);
    }
  });
});
