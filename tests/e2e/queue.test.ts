// The review queue in a real Chromium: each case's SLA countdown and who holds it, and the Channel, Search
// and Only-mine filters above the list.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, waitForStage, type TestCase } from '../helpers/cases.js';
import { consoleErrors, launchChromium, screenshot } from '../helpers/browser.js';
import { createUser, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1366, height: 820 } });
  errors = consoleErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const word = () => `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const item = (text: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(text) }) });

describe('review queue', () => {
  let urgent: TestCase;
  let claimed: TestCase;
  let whatsapp: TestCase;
  const urgentWord = word();
  const claimedWord = word();
  const whatsappWord = word();
  let holder: { email: string; token: string };

  beforeAll(async () => {
    urgent = await openCase(stack, `Is my parcel ${urgentWord} lost?`, { timeouts: { review: '3m' } });
    claimed = await openCase(stack, `Please cancel order ${claimedWord} today`);
    whatsapp = await openCase(stack, `Do you ship ${whatsappWord} abroad?`, { channel: 'whatsapp' });
    await Promise.all([urgent, claimed, whatsapp].map((c) => waitForStage(c.handle, 'awaiting_review')));
    holder = await signIn(stack.url, stack.orm);
    const result = await gql(stack.url, 'mutation($id: ID!) { claimCase(id: $id) { claimedBy } }', { id: claimed.caseId }, holder.token);
    expect(result.errors).toBeUndefined();

    const reviewer = await createUser(stack.orm, 'REVIEWER');
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  });

  it('shows an SLA countdown with the warning style when little time is left', async () => {
    const sla = item(urgentWord).getByTestId('sla');
    await sla.waitFor({ timeout: 20_000 });
    const text = (await sla.textContent())?.trim() ?? '';
    const match = /^(\d+) min left$/.exec(text);
    expect(match, text).not.toBeNull();
    expect(Number(match![1])).toBeLessThanOrEqual(3);
    expect(await sla.getAttribute('class')).toContain('badge--warning');
    expect(await sla.getAttribute('title')).toMatch(/^Due /);
  });

  it('shows who holds a claimed case', async () => {
    const held = item(claimedWord).getByTestId('holder');
    await held.waitFor({ timeout: 20_000 });
    expect((await held.textContent())?.trim()).toBe(`Held by ${holder.email}`);
    // The customer's message links to the case (CONTRACT).
    expect(await item(claimedWord).getByRole('link').getAttribute('href')).toBe(`/cases/${encodeURIComponent(claimed.caseId)}`);
  });

  it('narrows the list with Search, and the shortcuts stay out of the search box', async () => {
    const search = page.getByLabel('Search');
    await search.fill('');
    await search.pressSequentially(claimedWord.slice(0, 2) + 'jk' + claimedWord.slice(2), { delay: 5 });
    expect(await search.inputValue()).toBe(claimedWord.slice(0, 2) + 'jk' + claimedWord.slice(2));
    await search.fill(claimedWord);
    await expect.poll(() => page.getByRole('list', { name: 'Review queue' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await item(claimedWord).count()).toBe(1);
    await search.fill('');
    await expect.poll(() => item(urgentWord).count(), { timeout: 10_000 }).toBe(1);
  });

  it('hides SMS cases when Channel is WhatsApp', async () => {
    await page.getByLabel('Channel').selectOption({ label: 'WhatsApp' });
    await expect.poll(() => item(urgentWord).count(), { timeout: 10_000 }).toBe(0);
    expect(await item(claimedWord).count()).toBe(0);
    await item(whatsappWord).waitFor({ timeout: 10_000 });
    await screenshot(page, 'queue-filters');

    await page.getByLabel('Channel').selectOption({ label: 'All' });
    await item(urgentWord).waitFor({ timeout: 10_000 });
    // j still moves the selection once focus leaves the form.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.queue-item.is-selected').count()).toBe(1);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
