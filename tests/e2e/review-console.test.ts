// A reviewer in a real Chromium: signs in, watches a case arrive live, and approves it; the customer's
// handset (the Twilio emulator) receives exactly that one reply.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId } from '../../workflows/contract.js';
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
    await screenshot(page, 'case');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForStage(stack.client.workflow.getHandle(caseId), 'sent').catch(() => undefined);
    const replies = await waitFor(() => repliesTo(stack, params.From!), (r) => r.length > 0, 'the reply on the handset');
    expect(replies).toHaveLength(1);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/approved|sent|sending/i);
    await screenshot(page, 'case-approved');
    expect(errors).toEqual([]);
  });
});
