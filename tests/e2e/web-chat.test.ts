// A customer in a real Chromium on a phone-sized screen: writes on the web chat, sees "typing…" while a
// reviewer looks at the case, receives the countersigned reply live, and finds the conversation again after
// a reload. Empty and oversized messages never become cases.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema } from '../../db/entities/index.js';
import { consoleErrors, launchChromium, screenshot } from '../helpers/browser.js';
import { waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

const LIVE = { timeout: 20_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let stack: Stack;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  ({ token } = await signIn(stack.url, stack.orm));
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A new visitor: own cookies and storage, console errors and chat POSTs recorded. */
async function visitor(): Promise<{ context: BrowserContext; page: Page; errors: string[]; posts: Request[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = consoleErrors(page);
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/chat/api/messages') posts.push(request);
  });
  await page.goto(`${stack.url}/chat`);
  await page.getByRole('heading', { name: 'Chat with us' }).waitFor();
  return { context, page, errors, posts };
}

const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation' });

describe('web chat page', () => {
  it('sends a message, shows "typing…", and receives the approved reply live; a reload keeps the chat', async () => {
    const { context, page, errors, posts } = await visitor();
    const question = 'Hi, can I return shoes I bought last week?';
    const answer = 'Yes, within 30 days with the receipt.';
    const email = `robin-${Date.now()}@example.com`;
    expect(await conversation(page).getByRole('listitem').count()).toBe(0);

    await page.getByText('Your details').click();
    await page.getByLabel('Name').fill('Robin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Message').fill(question);
    await page.getByRole('button', { name: 'Send' }).click();

    // The visitor's copy shows at once, the box empties, and the server's copy replaces "sending…" (one bubble).
    const mine = conversation(page).getByRole('listitem').filter({ hasText: question });
    await expect.poll(() => mine.count(), LIVE).toBe(1);
    expect(await page.getByLabel('Message').inputValue()).toBe('');
    await expect.poll(() => page.getByRole('status').textContent(), LIVE).toBe('typing…');
    await expect.poll(() => conversation(page).getByText('sending…').count(), LIVE).toBe(0);
    expect(await mine.count()).toBe(1);
    expect(await mine.locator('time').textContent()).toMatch(/\d{1,2}[:.]\d{2}/);
    expect(posts.map((post) => post.postDataJSON())).toEqual([
      { text: question, name: 'Robin', email, clientMessageId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
    ]);

    const found = await waitFor(() => stack.orm.em.fork().findOne(CaseSchema, { channel: 'webchat', inboundText: question }), Boolean, 'the web chat case');
    await waitForStage(stack.client.workflow.getHandle(found!.id), 'awaiting_review');
    const details = await gql(stack.url, 'query($id: ID!) { case(id: $id) { customer { displayName identities { channel address } } } }', { id: found!.id }, token);
    expect(details.data?.case.customer.displayName).toBe('Robin');
    expect(details.data?.case.customer.identities).toContainEqual({ channel: 'EMAIL', address: email });
    await screenshot(page, 'web-chat-typing');

    // The reply arrives without a reload: the marker set on this document survives.
    await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
    const decided = await gql(stack.url, `mutation($id: ID!) { decideCase(id: $id, input: { decision: EDIT, text: "${answer}" }) { stage } }`, { id: found!.id }, token);
    expect(decided.errors).toBeUndefined();
    const reply = conversation(page).getByRole('listitem').filter({ hasText: answer });
    await expect.poll(() => reply.count(), LIVE).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent(), LIVE).toBe('');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // Customer on the right, business on the left, in time order.
    const [mineBox, replyBox] = [await mine.boundingBox(), await reply.boundingBox()];
    expect(mineBox!.x + mineBox!.width).toBeGreaterThan(replyBox!.x + replyBox!.width);
    expect(mineBox!.x).toBeGreaterThan(replyBox!.x);
    expect(replyBox!.y).toBeGreaterThan(mineBox!.y);
    await screenshot(page, 'web-chat-reply');

    await page.reload();
    const texts = () => conversation(page).getByRole('listitem').locator('.chat-body').allTextContents();
    await expect.poll(texts, LIVE).toEqual([question, answer]);
    expect(await page.getByRole('status').textContent()).toBe('');
    expect(await page.getByLabel('Name').inputValue()).toBe('Robin');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders a reply\'s **bold** and links, and shows any HTML in it as text', async () => {
    const { context, page, errors } = await visitor();
    const question = 'Where do I find your returns policy?';
    await page.getByLabel('Message').fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    const found = await waitFor(() => stack.orm.em.fork().findOne(CaseSchema, { channel: 'webchat', inboundText: question }), Boolean, 'the web chat case');
    await waitForStage(stack.client.workflow.getHandle(found!.id), 'awaiting_review');
    const answer = '**Returns** are easy: see https://shop.example.com/returns. Or [our FAQ](https://shop.example.com/faq) <img src=x onerror="window.hacked=1">';
    const decided = await gql(stack.url, 'mutation($id: ID!, $text: String!) { decideCase(id: $id, input: { decision: EDIT, text: $text }) { stage } }', { id: found!.id, text: answer }, token);
    expect(decided.errors).toBeUndefined();

    const reply = conversation(page).getByRole('listitem').filter({ hasText: 'are easy' });
    await expect.poll(() => reply.count(), LIVE).toBe(1);
    expect(await reply.locator('strong').textContent()).toBe('Returns');
    const policy = reply.getByRole('link', { name: 'https://shop.example.com/returns' });
    expect(await policy.getAttribute('href')).toBe('https://shop.example.com/returns');
    expect(await policy.getAttribute('rel')).toMatch(/\bnoopener\b/);
    expect(await reply.getByRole('link', { name: 'our FAQ' }).getAttribute('href')).toBe('https://shop.example.com/faq');
    expect(await reply.locator('img').count()).toBe(0);
    expect(await reply.textContent()).toContain('<img src=x onerror="window.hacked=1">');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cannot send an empty message, and shows the server\'s reason for a too long one, keeping the text', async () => {
    const { context, page, errors, posts } = await visitor();
    const send = page.getByRole('button', { name: 'Send' });
    const box = page.getByLabel('Message');
    expect(await send.isDisabled()).toBe(true);
    await box.fill('   \n  ');
    expect(await send.isDisabled()).toBe(true);
    await box.press('Enter');

    // Shift+Enter is a new line, not a send.
    await box.fill('first line');
    await box.press('Shift+Enter');
    await box.pressSequentially('second line');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    expect(await send.isEnabled()).toBe(true);

    const tooLong = 'x'.repeat(2001);
    await box.fill(tooLong);
    await box.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent(), LIVE).toMatch(/at most 2000 characters/);
    expect(await box.inputValue()).toBe(tooLong);
    expect(await conversation(page).getByRole('listitem').count()).toBe(0);
    expect(await send.isEnabled()).toBe(true);
    expect(posts).toHaveLength(1);
    expect(await stack.orm.em.fork().count(CaseSchema, { channel: 'webchat', inboundText: tooLong })).toBe(0);
    await screenshot(page, 'web-chat-error');
    // Chromium itself logs every 4xx response; that one refused POST is the only console error.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();
  });
});
