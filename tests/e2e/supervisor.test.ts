// A supervisor in a real Chromium: escalates a waiting case, hands another to a reviewer, sees the team load
// follow, and finds both actions in the audit log and its CSV export; a reviewer is kept off the page.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../workflows/contract.js';
import { openCase, waitForStage, type TestCase } from '../helpers/cases.js';
import { consoleErrors, launchChromium, screenshot, signInWithCookie } from '../helpers/browser.js';
import { createUser } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let supervisor: { email: string; password: string };
let reviewer: { email: string; password: string };
// The database is shared with other test files: these cases are found by their own words.
const tag = randomUUID().slice(0, 8);
const toEscalate = `Where is my parcel ${tag}-A? It was due on Monday.`;
const toReassign = `Can I change the delivery address for order ${tag}-B?`;
let escalating: TestCase;
let reassigning: TestCase;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  [supervisor, reviewer] = await Promise.all([createUser(stack.orm, 'SUPERVISOR'), createUser(stack.orm, 'REVIEWER')]);
  [escalating, reassigning] = await Promise.all([openCase(stack, toEscalate), openCase(stack, toReassign)]);
  await Promise.all([waitForStage(escalating.handle, 'awaiting_review'), waitForStage(reassigning.handle, 'awaiting_review')]);
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signInWithCookie(context, stack.url, supervisor);
  page = await context.newPage();
  errors = consoleErrors(page);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const caseItem = (list: 'Waiting' | 'Escalated', text: string) =>
  page.getByRole('list', { name: `${list} cases` }).getByRole('listitem').filter({ hasText: text });

describe('supervisor console', () => {
  it('escalates a waiting case, which moves to the Escalated list', async () => {
    await page.goto(`${stack.url}/supervisor`);
    await page.getByRole('heading', { name: 'Supervisor' }).waitFor();
    const waiting = caseItem('Waiting', toEscalate);
    await waiting.waitFor();
    await waiting.getByRole('button', { name: 'Escalate' }).click();

    await caseItem('Escalated', toEscalate).waitFor();
    await expect.poll(() => caseItem('Waiting', toEscalate).count()).toBe(0);
    await waitForStage(escalating.handle, 'escalated');
  });

  it('reassigns a case to a reviewer, who then holds it and shows in the team load', async () => {
    const item = caseItem('Waiting', toReassign);
    await item.getByLabel('Reviewer').selectOption(reviewer.email);
    await item.getByRole('button', { name: 'Reassign' }).click();

    await expect.poll(() => caseItem('Waiting', toReassign).textContent()).toContain(`Held by ${reviewer.email}`);
    const state = await waitFor(() => reassigning.handle.query(stateQuery), (s) => s.claim?.reviewer === reviewer.email, 'the claim');
    expect(state.claim?.reviewer).toBe(reviewer.email);

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(reviewer.email) }) });
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('1');
    await screenshot(page, 'supervisor');
  });

  it('finds both actions in the audit log filtered by the supervisor, and in its CSV export', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Actor').fill(supervisor.email);
    const table = page.getByRole('table');
    // The workflow records its audit entries a moment after it acts, so ask again until both are there.
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const text = (await table.textContent().catch(() => '')) ?? '';
      return text.includes('escalated') && text.includes('reassigned');
    }).toBe(true);
    expect(await table.textContent()).toContain(escalating.caseId);
    expect(await table.textContent()).toContain(reassigning.caseId);
    await screenshot(page, 'audit');

    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain(`actor=${encodeURIComponent(supervisor.email)}`);
    const response = await page.request.get(new URL(href!, stack.url).toString());
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv).toMatch(new RegExp(`,escalated,${escapeRegExp(escalating.caseId)},`));
    expect(csv).toMatch(new RegExp(`,reassigned,${escapeRegExp(reassigning.caseId)},`));
    expect(await page.getByRole('link', { name: 'Export JSON Lines' }).getAttribute('href')).toContain('format=jsonl');
    expect(errors).toEqual([]);
  });

  it('tells a reviewer the supervisor page is not for their role', async () => {
    const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await signInWithCookie(reviewerContext, stack.url, reviewer);
    const reviewerPage = await reviewerContext.newPage();
    const reviewerErrors = consoleErrors(reviewerPage);
    await reviewerPage.goto(`${stack.url}/supervisor`);
    await reviewerPage.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    expect(await reviewerPage.getByRole('link', { name: 'Supervisor' }).count()).toBe(0);
    expect(reviewerErrors).toEqual([]);
    await reviewerContext.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
