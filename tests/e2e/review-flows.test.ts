// A reviewer's day at the keyboard in a real Chromium: approve without the mouse, an edit with a promise the
// rules forbid (warned while typing, not sendable), a reject with a reason, and a case nobody took in time
// turning Escalated in the open queue. Then the admin's branding reaching every console.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyVersionSchema } from '../../db/entities/index.js';
import { stateQuery } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage } from '../helpers/cases.js';
import { launchChromium, openConsoleAs, screenshot } from '../helpers/browser.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  // Settings are global: leave the default look for the files that run after this one.
  if (stack) {
    const em = stack.orm.em.fork();
    em.create(PolicyVersionSchema, { overrides: {}, createdBy: 'review-flows.test' });
    await em.flush();
  }
  await browser?.close();
  await stack?.stop();
});

const openAs = (role: 'REVIEWER' | 'ADMIN', path = '/') => openConsoleAs(browser, stack, role, path, { width: 1280, height: 800 });

/** Narrows the queue to one case by a word only its message has, then leaves the search box to the shortcuts. */
async function findInQueue(page: Page, word: string) {
  await page.getByLabel('Search').fill(word);
  const item = page.getByRole('link', { name: new RegExp(word) });
  await item.waitFor({ timeout: 20_000 });
  await page.getByLabel('Search').evaluate((input: HTMLInputElement) => input.blur());
  return item;
}

describe('review flows', () => {
  it('approves a case with the keyboard alone: j, Enter, a', async () => {
    const { page, errors, email } = await openAs('REVIEWER');
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const { customer, handle } = await openCase(stack, 'Has parcel kestrel-4410 left the depot?');
    await findInQueue(page, 'kestrel');

    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await page.keyboard.press('a');

    await waitForStage(handle, 'sent');
    const replies = await waitFor(() => repliesTo(stack, customer), (r) => r.length > 0, 'the approved reply');
    expect(replies).toHaveLength(1);
    await expect.poll(() => page.getByRole('list', { name: 'Timeline' }).textContent(), { timeout: 20_000 })
      .toContain(`Approved by ${email}`);
    expect(errors).toEqual([]);
  });

  it('warns about a forbidden promise while the reviewer types, refuses to send it, and sends the mended reply once', async () => {
    const { page, errors } = await openAs('REVIEWER');
    const { caseId, customer, handle } = await openCase(stack, 'My order 6630 arrived broken, what now?');
    await waitForStage(handle, 'awaiting_review');
    await page.goto(`${stack.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await page.keyboard.press('e');

    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('So sorry! We guarantee a replacement for order 6630 by Friday.');
    const rules = page.getByRole('status', { name: 'Outbound rules' });
    await rules.filter({ hasText: 'This reply cannot be sent as written' }).waitFor();
    expect(await rules.textContent()).toContain('Promises or guarantees an outcome: We guarantee');
    expect(await reply.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'case-edit-refused');
    // Sent anyway, the decision refuses it: nothing goes out and the case keeps waiting.
    const send = page.getByRole('button', { name: 'Send edited reply' });
    await send.click();
    await page.getByRole('alert').filter({ hasText: /breaks outbound rules: outbound\.guarantee/ }).waitFor();
    expect((await handle.query(stateQuery)).stage).toBe('awaiting_review');
    expect(await repliesTo(stack, customer)).toEqual([]);

    await reply.fill('So sorry! A replacement for order 6630 is on its way; you will get tracking today.');
    await expect.poll(() => rules.textContent()).toBe('');
    expect(await reply.getAttribute('aria-invalid')).toBe('false');
    await send.click();

    await waitForStage(handle, 'sent');
    const replies = await waitFor(() => repliesTo(stack, customer), (r) => r.length > 0, 'the edited reply');
    expect(replies.map((r) => r.body)).toEqual([expect.stringContaining('A replacement for order 6630 is on its way')]);
    expect(replies.map((r) => r.body).join('')).not.toMatch(/guarantee/i);
    expect(errors).toEqual([]);
  });

  it('rejects a draft with a reason, which the timeline shows, and sends the customer nothing', async () => {
    const { page, errors, email } = await openAs('REVIEWER');
    const { caseId, customer, handle } = await openCase(stack, 'Can you tell me about order 7712?');
    await waitForStage(handle, 'awaiting_review');
    await page.goto(`${stack.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: 'Reject', exact: true }).waitFor();
    await page.keyboard.press('r');
    await page.getByLabel('Reason').fill('Order 7712 belongs to another customer');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('list', { name: 'Timeline' }).textContent(), { timeout: 20_000 })
      .toContain(`Rejected by ${email}: Order 7712 belongs to another customer`);
    const state = await handle.query('state') as { stage: string; decision: { decision: string; reason: string } };
    expect(state.decision).toMatchObject({ decision: 'reject', reason: 'Order 7712 belongs to another customer' });
    expect(await repliesTo(stack, customer)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('marks a case Escalated in the open queue when its review time runs out', async () => {
    const { page, errors } = await openAs('REVIEWER');
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const { handle } = await openCase(stack, 'Where is parcel osprey-2291 now?', { timeouts: { review: '6s', escalation: '1h' } });
    const item = await findInQueue(page, 'osprey');
    const row = page.getByRole('listitem').filter({ has: item });
    // Not Escalated while it still waits in the first tier (on a slow run it may have moved on already).
    const shownEscalated = await row.getByText('Escalated', { exact: true }).count();
    if ((await handle.query(stateQuery)).stage === 'awaiting_review') expect(shownEscalated).toBe(0);

    await waitForStage(handle, 'escalated');
    await row.getByText('Escalated', { exact: true }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'queue-escalated');
    await handle.terminate('test over');
    expect(errors).toEqual([]);
  });
});

describe('branding', () => {
  const rootStyle = (page: Page) => page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    density: document.documentElement.dataset.density,
    primary: getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim(),
    radius: getComputedStyle(document.documentElement).getPropertyValue('--radius').trim(),
    background: getComputedStyle(document.body).backgroundColor,
  }));

  it('applies an admin\'s theme, accent, radius and density at once, to other consoles, and on the sign-in page', async () => {
    const { page: admin, errors } = await openAs('ADMIN', '/admin/settings');
    await admin.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await rootStyle(admin)).toMatchObject({ theme: 'dark', density: 'comfortable', radius: '10px', background: 'rgb(13, 17, 23)' });

    await admin.getByLabel('branding.theme', { exact: true }).fill('light');
    await admin.getByLabel('branding.primaryColor', { exact: true }).fill('#0a7d5a');
    await admin.getByLabel('branding.radius', { exact: true }).fill('4');
    await admin.getByLabel('branding.density', { exact: true }).fill('compact');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved 4 changes.' }).waitFor();
    await expect.poll(() => rootStyle(admin)).toEqual({
      theme: 'light', density: 'compact', primary: '#0a7d5a', radius: '4px', background: 'rgb(245, 247, 250)',
    });
    await screenshot(admin, 'settings-branded');

    const { page: reviewer, errors: reviewerErrors } = await openAs('REVIEWER');
    await reviewer.getByRole('heading', { name: 'Review queue' }).waitFor();
    await expect.poll(() => rootStyle(reviewer)).toMatchObject({ theme: 'light', primary: '#0a7d5a' });
    const reviewerToken = (await signIn(stack.url, stack.orm, 'REVIEWER')).token;
    expect((await gql(stack.url, '{ branding { primaryColor } }', {}, reviewerToken)).data!.branding.primaryColor).toBe('#0a7d5a');

    await reviewer.getByRole('button', { name: 'Sign out' }).click();
    await reviewer.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await rootStyle(reviewer)).toMatchObject({ theme: 'light', primary: '#0a7d5a' });
    // The primary button wears the accent, with white text because the accent is dark enough for it.
    expect(await reviewer.getByRole('button', { name: 'Sign in' }).evaluate((button) => {
      const style = getComputedStyle(button);
      return [style.backgroundColor, style.color];
    })).toEqual(['rgb(10, 125, 90)', 'rgb(255, 255, 255)']);
    expect([...errors, ...reviewerErrors]).toEqual([]);
  });
});
