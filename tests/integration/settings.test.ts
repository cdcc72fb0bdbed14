// Settings as an admin changes them: database over environment over default, each value's source shown,
// bad values refused with a message and nothing saved, every change a new audited version, and the next
// case running under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, PolicyVersionSchema } from '../../db/entities/index.js';
import { openCase, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let admin: { email: string; token: string };
beforeAll(async () => {
  stack = await startStack({ env: { COUNTERSIGN_REVIEW_TIMEOUT: '2h' } });
  admin = await signIn(stack.url, stack.orm, 'ADMIN');
});
afterAll(async () => {
  // Settings are global: leave no override behind for the test files that run after this one.
  const em = stack.orm.em.fork();
  em.create(PolicyVersionSchema, { overrides: {}, createdBy: 'settings.test' });
  await em.flush();
  await stack?.stop();
});

const SETTINGS = '{ effectiveSettings { key value source environmentVariable fallback description } }';
const UPDATE = 'mutation($c: [SettingChangeInput!]!) { updateSettings(changes: $c) { key value source fallback } }';

async function settings(): Promise<Record<string, { value: unknown; source: string; fallback: unknown; environmentVariable: string | null }>> {
  const { data, errors } = await gql(stack.url, SETTINGS, {}, admin.token);
  expect(errors).toBeUndefined();
  return Object.fromEntries(data!.effectiveSettings.map((s: { key: string }) => [s.key, s]));
}

describe('settings', () => {
  it('shows each value with its source: the environment over the default, the database over both', async () => {
    // Start from no override, whatever ran before.
    await gql(stack.url, UPDATE, { c: [{ key: 'timeouts.sms.review', value: null }, { key: 'claimTtl', value: null }] }, admin.token);
    let now = await settings();
    expect(now['timeouts.sms.review']).toMatchObject({ value: '2h', source: 'ENVIRONMENT', environmentVariable: 'COUNTERSIGN_REVIEW_TIMEOUT' });
    expect(now.claimTtl).toMatchObject({ value: '10m', source: 'DEFAULT', environmentVariable: null });

    const saved = await gql(stack.url, UPDATE, { c: [{ key: 'timeouts.sms.review', value: '30m' }, { key: 'claimTtl', value: '5m' }] }, admin.token);
    expect(saved.errors).toBeUndefined();
    now = await settings();
    expect(now['timeouts.sms.review']).toMatchObject({ value: '30m', source: 'DATABASE', fallback: '2h' });
    // Changing one timeout of a channel keeps the environment's other one.
    expect(now['timeouts.sms.escalation']).toMatchObject({ source: 'ENVIRONMENT' });
    expect(now['timeouts.whatsapp.review']).toMatchObject({ value: '2h', source: 'ENVIRONMENT' });
    expect(now.claimTtl).toMatchObject({ value: '5m', source: 'DATABASE', fallback: '10m' });

    await gql(stack.url, UPDATE, { c: [{ key: 'timeouts.sms.review', value: null }] }, admin.token);
    now = await settings();
    expect(now['timeouts.sms.review']).toMatchObject({ value: '2h', source: 'ENVIRONMENT' });
    expect(now.claimTtl).toMatchObject({ value: '5m', source: 'DATABASE' });
  });

  it('refuses bad values with one message naming each problem, and saves none of the changes', async () => {
    const before = await settings();
    const refused = await gql(stack.url, UPDATE, { c: [
      { key: 'routing.defaultThreshold', value: 1.5 },
      { key: 'timeouts.sms.review', value: 'soon' },
      { key: 'routing.neverAutoIntents', value: ['refund', 'teleportation'] },
      { key: 'no.such.setting', value: 1 },
      { key: 'claimTtl', value: '7m' },
    ] }, admin.token);
    const [error] = refused.errors!;
    expect(error!.extensions?.code).toBe('BAD_INPUT');
    expect(error!.message).toContain('routing.defaultThreshold: must be a number from 0 to 1');
    expect(error!.message).toContain('timeouts.sms.review: "soon" is not a duration');
    expect(error!.message).toContain('unknown intent teleportation');
    expect(error!.message).toContain('no.such.setting: no such setting');
    expect(await settings()).toEqual(before);
  });

  it('makes every change a new version with who, when, before and after, in the history and the audit', async () => {
    await gql(stack.url, UPDATE, { c: [{ key: 'routing.defaultThreshold', value: 0.75 }] }, admin.token);
    const { data } = await gql(stack.url, '{ settingsVersions(first: 1) { version createdBy createdAt changes { key before after } } }', {}, admin.token);
    const [latest] = data!.settingsVersions;
    expect(latest).toMatchObject({ createdBy: admin.email, changes: [{ key: 'routing.defaultThreshold', before: 0.9, after: 0.75 }] });
    expect(Date.parse(latest.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const audit = await stack.orm.em.fork().findOneOrFail(AuditEventSchema, { type: 'settings_changed', actor: admin.email }, { orderBy: { id: 'desc' } });
    expect(audit.detail).toEqual({ version: latest.version, changes: [{ key: 'routing.defaultThreshold', before: 0.9, after: 0.75 }] });
  });

  it('applies a change to the next case, which records the version it runs under', async () => {
    await gql(stack.url, UPDATE, { c: [{ key: 'timeouts.sms.review', value: '45m' }] }, admin.token);
    const { data } = await gql(stack.url, '{ settingsVersions(first: 1) { version } }', {}, admin.token);
    const { handle } = await openCase(stack, 'Where is my order 4410?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting.policyVersion).toBe(data!.settingsVersions[0].version);
    const minutesLeft = (Date.parse(waiting.deadline!) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(40);
    expect(minutesLeft).toBeLessThanOrEqual(45);
    await handle.terminate('test over');
  });

  it('keeps settings to admins', async () => {
    const supervisor = await signIn(stack.url, stack.orm, 'SUPERVISOR');
    const read = await gql(stack.url, SETTINGS, {}, supervisor.token);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await gql(stack.url, UPDATE, { c: [{ key: 'claimTtl', value: '1m' }] }, supervisor.token);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('branding', () => {
  const BRANDING = '{ branding { theme primaryColor radius density } }';

  it('gives every signed-in user the console\'s look, which an admin changes like any setting', async () => {
    const reviewer = await signIn(stack.url, stack.orm, 'REVIEWER');
    await gql(stack.url, UPDATE, { c: ['theme', 'primaryColor', 'radius', 'density'].map((k) => ({ key: `branding.${k}`, value: null })) }, admin.token);
    expect((await gql(stack.url, BRANDING, {}, reviewer.token)).data!.branding).toEqual({ theme: 'DARK', primaryColor: null, radius: 10, density: 'COMFORTABLE' });

    const saved = await gql(stack.url, UPDATE, { c: [
      { key: 'branding.theme', value: 'light' },
      { key: 'branding.primaryColor', value: '#0A7D5A' },
      { key: 'branding.radius', value: 4 },
      { key: 'branding.density', value: 'compact' },
    ] }, admin.token);
    expect(saved.errors).toBeUndefined();
    expect((await gql(stack.url, BRANDING, {}, reviewer.token)).data!.branding).toEqual({ theme: 'LIGHT', primaryColor: '#0a7d5a', radius: 4, density: 'COMPACT' });
    expect((await gql(stack.url, BRANDING)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The console's look is not part of what a case runs under.
    const { handle } = await openCase(stack, 'Where is my order 5510?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting.policyVersion).toBeGreaterThan(0);
    const history = await handle.fetchHistory();
    // The case opens with a local activity: its result, with the policy snapshot, is in a marker.
    const results = history.events!.flatMap((e) => e.markerRecordedEventAttributes?.details?.result?.payloads ?? [])
      .filter((payload) => payload.data?.length)
      .map((payload) => JSON.parse(Buffer.from(payload.data!).toString()));
    const policy = results.find((result) => result?.policy)?.policy;
    expect(policy).toMatchObject({ version: waiting.policyVersion, voice: { persona: expect.any(String) } });
    expect(policy).not.toHaveProperty('branding');
    await handle.terminate('test over');
  });

  it('refuses a colour that is not #rrggbb, a radius out of range and an unknown theme', async () => {
    const refused = await gql(stack.url, UPDATE, { c: [
      { key: 'branding.primaryColor', value: 'red; background: url(x)' },
      { key: 'branding.radius', value: 99 },
      { key: 'branding.theme', value: 'neon' },
    ] }, admin.token);
    const message = refused.errors![0]!.message;
    expect(message).toContain('branding.primaryColor: must be a colour such as "#4f46e5"');
    expect(message).toContain('branding.radius: must be a whole number from 0 to 24');
    expect(message).toContain('branding.theme: must be one of dark, light, system');
  });
});
