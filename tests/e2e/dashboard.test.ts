// A supervisor in a real Chromium reads the dashboard over real cases: the figures count today's cases, the
// chart has an accessible name, and a range without cases says so. A reviewer is told the page is not theirs.
// The database is shared with other test files, so counts are asserted as at least what this file created.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, waitForStage } from '../helpers/cases.js';
import { consoleErrors, launchChromium, screenshot, signInWithCookie } from '../helpers/browser.js';
import { createUser, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  // Two cases of today: one a reviewer approves, one left awaiting review.
  const reviewer = await signIn(stack.url, stack.orm, 'REVIEWER');
  const [decided, waiting] = await Promise.all([
    openCase(stack, 'Where is my order 5120? It has been a week.'),
    openCase(stack, 'Can I change the delivery address of order 5121?'),
  ]);
  await Promise.all([waitForStage(decided.handle, 'awaiting_review'), waitForStage(waiting.handle, 'awaiting_review')]);
  const claimed = await gql(stack.url, 'mutation($id: ID!) { claimCase(id: $id) { id } }', { id: decided.caseId }, reviewer.token);
  expect(claimed.errors).toBeUndefined();
  const approved = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id } }', { id: decided.caseId }, reviewer.token);
  expect(approved.errors).toBeUndefined();
  // The read model records the decision in an activity after the Update answers: wait for it.
  const connection = stack.orm.em.fork().getConnection();
  await waitFor(() => connection.execute<{ decision: string | null }[]>('select decision from cases where id = ?', [decided.caseId]),
    (rows) => rows[0]?.decision != null, 'the decision in the read model');
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await stack?.stop();
});

async function openAs(role: 'SUPERVISOR' | 'REVIEWER'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  await signInWithCookie(context, stack.url, await createUser(stack.orm, role));
  const page = await context.newPage();
  return { page, errors: consoleErrors(page) };
}

/** The number a headline figure shows, e.g. "Cases" → 12. */
async function figure(page: Page, label: string): Promise<string> {
  const stat = page.locator('.dashboard-stat', { has: page.getByText(label, { exact: true }) });
  return (await stat.locator('.dashboard-stat__value').textContent())?.trim() ?? '';
}

describe('dashboard', () => {
  it('shows a supervisor the figures of today\'s cases, an accessible chart, and an empty range', async () => {
    const { page, errors } = await openAs('SUPERVISOR');
    await page.goto(`${stack.url}/`);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.locator('.dashboard-stat').first().waitFor();

    expect(Number(await figure(page, 'Cases'))).toBeGreaterThanOrEqual(2);
    expect(await figure(page, 'Human-decided')).toMatch(/^\d+%$/);
    expect(await page.locator('.dashboard-stat', { hasText: 'Human-decided' }).textContent()).toMatch(/[1-9]\d* approved, edited or rejected/);
    expect(await figure(page, 'Time to decision')).toMatch(/\d+ (s|min|h)\b.* \/ .*\d+ (s|min|h)/);

    const chart = page.getByRole('img', { name: /Cases per day and channel/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/SMS [1-9]\d*/);
    // The hidden table fallback carries today's row.
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.getByRole('table', { name: 'Cases per day and channel' }).getByRole('rowheader', { name: today }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Acceptance and edits per intent' }).waitFor();
    expect(await page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Acceptance' }) }).getByText(/^\d+%$/).count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard');

    await page.getByLabel('From').fill('2001-01-01');
    await page.getByLabel('To').fill('2001-01-07');
    await page.getByText('No cases in this range').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.getByRole('button', { name: '30 days' }).click();
    await page.getByRole('img', { name: /Cases per day and channel/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('tells a reviewer the dashboard is not available to their role', async () => {
    const { page, errors } = await openAs('REVIEWER');
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(await page.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await page.goto(`${stack.url}/dashboard`);
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    expect(errors).toEqual([]);
  });
});
