// The admin pages in a real Chromium: settings saved in the page are in force for the next case, the server's
// refusal of a bad value is shown and nothing is saved, users are added through the form, and other roles are
// told the pages are not theirs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyVersionSchema } from '../../db/entities/index.js';
import { launchChromium, openConsoleAs, screenshot } from '../helpers/browser.js';
import { openCase, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let browser: Browser;
let apiAdmin: { email: string; token: string };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  apiAdmin = await signIn(stack.url, stack.orm, 'ADMIN');
  // Start from no override, whatever ran before in the shared database.
  await gql(stack.url, 'mutation($c: [SettingChangeInput!]!) { updateSettings(changes: $c) { key } }',
    { c: [{ key: 'timeouts.sms.review', value: null }] }, apiAdmin.token);
});
afterAll(async () => {
  await browser?.close();
  if (stack) {
    // Settings are global: leave no override behind for the test files that run after this one.
    const em = stack.orm.em.fork();
    em.create(PolicyVersionSchema, { overrides: {}, createdBy: 'admin.test' });
    await em.flush();
    await stack.stop();
  }
});

const openAs = (role: 'ADMIN' | 'REVIEWER', path: string) => openConsoleAs(browser, stack, role, path);

async function latestVersion(): Promise<{ version: number }[]> {
  const { data, errors } = await gql(stack.url, '{ settingsVersions(first: 50) { version } }', {}, apiAdmin.token);
  expect(errors).toBeUndefined();
  return data!.settingsVersions;
}

const setting = (page: Page, key: string) => page.getByLabel(key, { exact: true });

describe('admin settings page', () => {
  it('saves a changed timeout as a database value, and the next case runs under it', async () => {
    const { page, errors } = await openAs('ADMIN', '/admin/settings');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    // At 1280 px an admin's header keeps the email whole: the admin pages sit in one menu.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const email = page.locator('.app-header__email');
    expect(await email.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Admin' }).click();
    await expect(nav.getByRole('link', { name: 'Users' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Admin' }).getAttribute('aria-expanded')).toBe('false');

    await setting(page, 'timeouts.sms.review').fill('45m');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved 1 change.' }).waitFor();

    const row = page.locator('.setting').filter({ has: setting(page, 'timeouts.sms.review') });
    expect(await row.locator('[data-source]').textContent()).toBe('Database');
    expect(await setting(page, 'timeouts.sms.review').inputValue()).toBe('45m');
    await expect(row.getByRole('button', { name: 'Reset timeouts.sms.review to fallback' }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    const [newest] = await latestVersion();
    await page.getByText(`Version ${newest!.version}`, { exact: true }).waitFor();
    await screenshot(page, 'settings');

    const { handle } = await openCase(stack, 'Where is my order 4410?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting.policyVersion).toBe(newest!.version);
    const minutesLeft = (Date.parse(waiting.deadline!) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(40);
    expect(minutesLeft).toBeLessThanOrEqual(45);
    await handle.terminate('test over');
    expect(errors).toEqual([]);
  });

  it('shows the server’s message for an invalid value and saves nothing', async () => {
    const { page, errors } = await openAs('ADMIN', '/admin/settings');
    await setting(page, 'routing.defaultThreshold').waitFor();
    const before = await latestVersion();

    await setting(page, 'routing.defaultThreshold').fill('1.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('routing.defaultThreshold: must be a number from 0 to 1');
    expect(await latestVersion()).toEqual(before);
    // A refused save keeps what the admin typed, to correct it.
    expect(await setting(page, 'routing.defaultThreshold').inputValue()).toBe('1.5');
    // The server's BAD_INPUT is an expected answer, shown in the page: the browser logs the request as
    // nothing worse than a 200 with errors.
    expect(errors).toEqual([]);
  });

  it('tells a reviewer the page is not for their role, and shows them no admin links', async () => {
    const { page, errors } = await openAs('REVIEWER', '/admin/settings');
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Admin' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('admin users page', () => {
  it('adds a user through the form, who then appears in the table', async () => {
    const { page, errors } = await openAs('ADMIN', '/admin/users');
    await page.getByRole('table', { name: 'Users' }).waitFor();
    const email = `new-${Date.now().toString(36)}@example.com`;

    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('SUPERVISOR');
    await page.getByLabel('Password', { exact: true }).fill('harbour-lantern-quietly-92');
    await page.getByRole('button', { name: 'Add user' }).click();

    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: `Role of ${email}` }).inputValue()).toBe('SUPERVISOR');
    expect(await row.getByRole('checkbox', { name: `${email} disabled` }).isChecked()).toBe(false);
    expect(await row.getByText('Never').count()).toBe(1);
    await screenshot(page, 'users');
    expect(errors).toEqual([]);
  });

  it('shows the server’s refusal of a weak password', async () => {
    const { page, errors } = await openAs('ADMIN', '/admin/users');
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(`weak-${Date.now().toString(36)}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/password/i);
    expect(errors).toEqual([]);
  });
});
