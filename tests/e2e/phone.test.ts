// The console's Phone page as a customer's handset on the built-in Twilio emulator, in a real Chromium: a
// message goes through the signed webhook into a case, and the approved reply comes back to the handset
// with its delivery status, live. One tab is the handset, another the reviewer, as a newcomer would try it.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREACHABLE_PREFIX } from '../../api/emulator/twilio-delivery.js';
import { CaseSchema } from '../../db/entities/index.js';
import { repliesTo } from '../helpers/cases.js';
import { consoleErrors, launchChromium, screenshot } from '../helpers/browser.js';
import { createUser } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { caseWorkflowId } from '../../domain/case.js';
import { customerNumber, inboundSms, postTwilioWebhook } from '../helpers/twilio.js';
import { waitFor } from '../helpers/wait.js';

const LIVE = { timeout: 20_000 };
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let phone: Page;
let reviewer: Page;
let errors: string[][];

async function signIn(page: Page, baseUrl: string, orm: Stack['orm']): Promise<void> {
  const user = await createUser(orm, 'REVIEWER');
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  // One context: the reviewer's tab shares the handset tab's session, as two tabs of one console do.
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  [phone, reviewer] = [await context.newPage(), await context.newPage()];
  errors = [consoleErrors(phone), consoleErrors(reviewer)];
  await signIn(phone, stack.url, stack.orm);
  await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone' }).click();
  await phone.getByRole('heading', { name: 'Phone' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Text of whatever matches now, without waiting: keeps expect.poll in charge of the timeout. */
const textOf = async (locator: Locator): Promise<string> => (await locator.allTextContents()).join('\n');
const thread = () => phone.getByRole('log', { name: 'Conversation' });
const bubble = (text: string) => thread().getByRole('listitem').filter({ hasText: text });

/** From the Phone page: picks the number and SMS, types the message and sends it. */
async function textFromPhone(number: string, body: string, send: 'Enter' | 'button'): Promise<void> {
  await phone.getByLabel('Phone number').fill(number);
  await phone.getByRole('radiogroup', { name: 'Channel' }).getByLabel('SMS').check();
  await phone.getByLabel('Message').fill(body);
  if (send === 'Enter') await phone.getByLabel('Message').press('Enter');
  else await phone.getByRole('button', { name: 'Send', exact: true }).click();
  await bubble(body).waitFor(LIVE);
  await expect.poll(() => phone.getByLabel('Message').inputValue()).toBe('');
}

async function caseWithText(text: string) {
  const found = await waitFor(() => stack.orm.em.fork().find(CaseSchema, { inboundText: text }), (rows) => rows.length > 0, `a case for "${text}"`);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** In the reviewer's tab: opens the case from the queue link and approves it. */
async function approveFromQueue(linkText: RegExp): Promise<void> {
  await reviewer.goto(`${stack.url}/`);
  await reviewer.getByRole('link', { name: linkText }).click(LIVE);
  await reviewer.getByRole('button', { name: 'Approve', exact: true }).click(LIVE);
}

describe('Phone page', () => {
  it('texts the business over SMS and shows the approved reply delivered, live', async () => {
    expect(await phone.title()).toBe('Phone · Countersign');
    expect(await phone.getByLabel('Phone number').inputValue()).toMatch(/^\+1555\d{7}$/);
    await expect.poll(() => phone.getByText(/\+1500555/).count()).toBeGreaterThan(0);
    // Set in the page itself: still there at the end only if the page never reloaded.
    await phone.evaluate(() => Object.assign(window, { phoneTestMarker: true }));

    const number = customerNumber();
    const text = 'Hello, is my order 5512 on its way?';
    await textFromPhone(number, text, 'Enter');
    const opened = await caseWithText(text);
    expect(opened.id).toMatch(/^msg:sms:SM[0-9a-f]{32}$/);

    await approveFromQueue(/is my order 5512 on its way/);
    await expect.poll(() => textOf(reviewer.getByRole('list', { name: 'Identities' })), LIVE).toContain(number);
    await expect.poll(() => textOf(reviewer.getByRole('list', { name: 'Sent parts' })), LIVE).toMatch(/Part 1\s*Delivered/);

    const [reply] = await waitFor(() => repliesTo(stack, number), (rows) => rows.length === 1, 'the reply on the handset');
    await phone.bringToFront();
    await expect.poll(() => textOf(bubble(reply!.body)), LIVE).toMatch(/Business:.*Delivered/s);
    expect(await thread().getByRole('listitem').count()).toBe(2);
    expect(await phone.evaluate(() => (window as { phoneTestMarker?: boolean }).phoneTestMarker)).toBe(true);
    await screenshot(phone, 'phone');
    expect(errors.flat()).toEqual([]);
  });

  it('shows an unreachable handset\'s failed delivery on the case, which is back in the queue', async () => {
    const number = `${UNREACHABLE_PREFIX}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    const text = 'Has the refund for order 7731 gone through?';
    await textFromPhone(number, text, 'button');
    const opened = await caseWithText(text);

    await approveFromQueue(/refund for order 7731 gone through/);
    const warning = reviewer.getByRole('alert').filter({ hasText: '30003' });
    await expect.poll(() => textOf(warning), LIVE).toMatch(/Unreachable destination handset/);
    await expect.poll(() => reviewer.getByRole('button', { name: 'Approve', exact: true }).isEnabled(), LIVE).toBe(true);
    await screenshot(reviewer, 'case-delivery-failed');

    await expect.poll(async () => (await stack.orm.em.fork().findOneOrFail(CaseSchema, { id: opened.id })).stage, LIVE).toBe('awaiting_review');
    await reviewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    const item = reviewer.getByRole('listitem').filter({ has: reviewer.getByRole('link', { name: /refund for order 7731/ }) });
    await expect.poll(() => textOf(item), LIVE).toContain('Delivery failed');

    const [reply] = await waitFor(() => repliesTo(stack, number), (rows) => rows.length === 1, 'the reply to the unreachable handset');
    await expect.poll(() => textOf(bubble(reply!.body)), LIVE).toMatch(/Undelivered: Unreachable destination handset \(30003\)/);
    expect(errors.flat()).toEqual([]);
  });

  it('shows the API\'s refusal of a number that is not one', async () => {
    await phone.getByLabel('Phone number').fill('call me maybe');
    await phone.getByLabel('Message').fill('Hello?');
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => textOf(phone.getByRole('alert')), LIVE).toMatch(/not a phone number in international format/);
    expect(await phone.getByLabel('Message').inputValue()).toBe('Hello?');
    expect(errors.flat()).toEqual([]);
  });
});

describe('case page channel facts', () => {
  it('names a WhatsApp customer by the profile name the handset sent', async () => {
    const text = 'Do you deliver to Lisbon on Saturdays?';
    await phone.getByRole('radiogroup', { name: 'Channel' }).getByLabel('WhatsApp').check();
    await phone.getByLabel('Profile name').fill('Kim Ode');
    await phone.getByLabel('Phone number').fill(customerNumber());
    await phone.getByLabel('Message').fill(text);
    await phone.getByLabel('Message').press('Enter');
    await bubble(text).waitFor(LIVE);
    const opened = await caseWithText(text);
    expect(opened.channel).toBe('whatsapp');

    await reviewer.goto(`${stack.url}/cases/${encodeURIComponent(opened.id)}`);
    await reviewer.getByRole('heading', { name: 'Case from Kim Ode' }).waitFor(LIVE);
    expect(await textOf(reviewer.getByRole('list', { name: 'Identities' }))).toContain('WhatsApp');
    await phone.getByRole('radiogroup', { name: 'Channel' }).getByLabel('SMS').check();
    expect(await phone.getByLabel('Profile name').count()).toBe(0);
    expect(errors.flat()).toEqual([]);
  });

  it('shows attachments, why STOP got no reply, and links the customer\'s other cases', async () => {
    // The media host is Twilio's in real life; here the browser is answered without leaving the machine.
    await reviewer.route('https://media.example.test/**', (route) => route.fulfill({ contentType: 'image/png', body: PIXEL_PNG }));
    const number = customerNumber();
    const media = inboundSms({
      From: number, Body: 'Here is a photo of the damaged box', NumMedia: '2',
      MediaUrl0: 'https://media.example.test/box.png', MediaContentType0: 'image/png',
      MediaUrl1: 'https://media.example.test/receipt.pdf', MediaContentType1: 'application/pdf',
    });
    const { publicUrl, twilio } = stack.config;
    expect((await postTwilioWebhook(stack.url, publicUrl, '/webhooks/twilio/messages', twilio.authToken, media)).status).toBe(200);
    const withMedia = await caseWithText(media.Body!);
    expect(withMedia.id).toBe(caseWorkflowId('sms', media.MessageSid!));
    await textFromPhone(number, 'STOP', 'button');
    const stop = await waitFor(
      () => stack.orm.em.fork().findOne(CaseSchema, { inboundText: 'STOP', customerId: withMedia.customerId }),
      (row) => row?.stage === 'blocked', 'the STOP case blocked',
    );

    await reviewer.goto(`${stack.url}/cases/${encodeURIComponent(stop!.id)}`);
    await reviewer.getByText('Customer sent STOP: opted out, Twilio confirms it').waitFor(LIVE);
    expect(await reviewer.getByText('Opted out', { exact: true }).count()).toBe(1);
    await reviewer.getByRole('list', { name: /Recent messages/ }).getByRole('link', { name: media.Body! }).click();
    await expect.poll(() => reviewer.url()).toBe(`${stack.url}/cases/${encodeURIComponent(withMedia.id)}`);

    const thumbnail = reviewer.getByRole('img', { name: 'Image 1 the customer sent (image/png)' });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth), LIVE).toBe(1);
    const document = reviewer.getByRole('link', { name: 'Open attachment 2 (application/pdf)' });
    expect(await document.getAttribute('href')).toBe('https://media.example.test/receipt.pdf');
    expect(errors.flat()).toEqual([]);
  });
});

describe('Phone page with a real Twilio account configured', () => {
  it('explains that the emulator is off', async () => {
    const real = await startStack({ env: { TWILIO_ACCOUNT_SID: 'AC11111111111111111111111111111111', TWILIO_AUTH_TOKEN: 'not-a-real-token' } });
    // A browser of its own: cookies ignore the port, so the first stack's session would ride along to this one.
    const own = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await own.newPage();
    try {
      const seen = consoleErrors(page);
      await signIn(page, real.url, real.orm);
      await page.goto(`${real.url}/phone`);
      const off = page.getByRole('alert').filter({ hasText: /emulator is off because TWILIO_ACCOUNT_SID is set/ });
      await expect.poll(() => off.count(), LIVE).toBe(1);
      await page.getByLabel('Message').fill('Anyone there?');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      // The thread's refusal, then the send's.
      await expect.poll(() => off.count(), LIVE).toBe(2);
      expect(seen).toEqual([]);
    } finally {
      await own.close();
      await real.stop();
    }
  });
});
