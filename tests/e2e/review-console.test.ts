// A reviewer in a real Chromium: signs in, watches a case arrive live, and approves it; the customer's
// handset (the Twilio emulator) receives exactly that one reply.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId } from '../../domain/case.js';
import { repliesTo, waitForStage } from '../helpers/cases.js';
import { consoleErrors, launchChromium, screenshot } from '../helpers/browser.js';
import { createUser } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';

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

async function customerWrites(body: string) {
  const params = inboundSms({ Body: body });
  const { publicUrl, twilio } = stack.config;
  const response = await postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, params);
  expect(response.status).toBe(200);
  return { params, caseId: caseWorkflowId('sms', params.MessageSid!) };
}

describe('review console', () => {
  it('refuses a wrong password with a visible message', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong email or password/i);
  });

  it('signs a reviewer in, shows a new case live, and approves it', async () => {
    const reviewer = await createUser(stack.orm, 'REVIEWER');
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();

    // The case arrives while the queue is open: no reload.
    const { params, caseId } = await customerWrites('Hello, has my order 4410 shipped yet?');
    const link = page.getByRole('link', { name: /has my order 4410 shipped yet/ });
    await link.waitFor({ timeout: 20_000 });
    await screenshot(page, 'queue');

    await link.click();
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await expect.poll(() => page.getByText(/order/i).count()).toBeGreaterThan(0);
    // Why the draft says what it says: the offline drafter's own reasoning, and which drafter wrote it.
    const why = page.getByRole('region', { name: 'Why this draft' });
    await expect.poll(() => why.textContent()).toMatch(/no LLM configured/);
    expect(await why.textContent()).toMatch(/Written by offline drafter/);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toMatch(/Case opened[\s\S]*Waiting for review/);
    await screenshot(page, 'case');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForStage(stack.client.workflow.getHandle(caseId), 'sent').catch(() => undefined);
    const replies = await waitFor(() => repliesTo(stack, params.From!), (r) => r.length > 0, 'the reply on the handset');
    expect(replies).toHaveLength(1);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/approved|sent|sending/i);
    // The page's live case events bring the new steps in, in order, without a reload.
    await expect.poll(() => timeline.textContent(), { timeout: 20_000 }).toContain('Reply sent');
    const steps = await timeline.getByRole('listitem').allTextContents();
    const approved = steps.findIndex((step) => step.includes(`Approved by ${reviewer.email}`));
    expect(approved).toBeGreaterThan(-1);
    expect(steps.findIndex((step) => step.includes('Reply sent'))).toBeGreaterThan(approved);
    expect(await page.getByRole('region', { name: 'What the reviewer changed' }).count()).toBe(0);
    await screenshot(page, 'case-approved');
    expect(errors).toEqual([]);
  });

  it('shows what the reviewer changed after an edit, within 1280×720', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const { params, caseId } = await customerWrites('Hi, I need to change the delivery address for order 5521.');
    await page.goto(`${stack.url}/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'Reply' }).fill('Your order 5521 will go to the new warehouse address today.');
    await page.getByRole('button', { name: 'Send edited reply' }).click();

    const diff = page.getByRole('region', { name: 'What the reviewer changed' });
    await diff.waitFor({ timeout: 20_000 });
    expect((await diff.locator('ins').allTextContents()).join(' ')).toMatch(/warehouse/);
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('list', { name: 'Timeline' }).textContent(), { timeout: 20_000 })
      .toMatch(/Edited and approved by [\s\S]*Reply sent/);
    const replies = await waitFor(() => repliesTo(stack, params.From!), (r) => r.length > 0, 'the edited reply on the handset');
    expect(replies.map((r) => r.body).join('')).toMatch(/new warehouse address today/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'case-edited');
    expect(errors).toEqual([]);
  });
});
