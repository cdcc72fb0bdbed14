// The console's session in a real Chromium: signing in leaves only an HTTP-only cookie (no token for script
// to read or steal), every GraphQL POST proves its origin with the CSRF header, the session survives a
// reload, and signing out (here, in another tab, or by the server) ends it for good.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../auth/request-credentials.js';
import { consoleErrors, launchChromium, signInWithCookie } from '../helpers/browser.js';
import { createUser } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Tab {
  page: Page;
  errors: string[];
}

/** Its own cookies and storage: a browser of its own, as far as the console can tell. */
const newContext = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1280, height: 800 } });

async function openTab(context: BrowserContext, path = '/'): Promise<Tab> {
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await page.goto(`${stack.url}${path}`);
  return { page, errors };
}

const queueHeading = (page: Page) => page.getByRole('heading', { name: 'Review queue' });
const signInHeading = (page: Page) => page.getByRole('heading', { name: 'Sign in to review' });
const signedInAs = (page: Page, email: string) => page.getByRole('banner').getByText(email);

async function signInThroughForm(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await queueHeading(page).waitFor();
}

/** A reviewer signed in through the form in a context of their own. */
async function reviewerTab(): Promise<Tab & { context: BrowserContext; email: string }> {
  const user = await createUser(stack.orm, 'REVIEWER');
  const context = await newContext();
  const tab = await openTab(context);
  await signInThroughForm(tab.page, user);
  return { ...tab, context, email: user.email };
}

/** Everything script on the page can see: cookies and both storages. */
const visibleToScript = (page: Page) =>
  page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.entries(localStorage).flat().join('\n'),
    session: Object.entries(sessionStorage).flat().join('\n'),
  }));

async function sessionCookieOf(context: BrowserContext) {
  return (await context.cookies(stack.url)).find((cookie) => cookie.name === SESSION_COOKIE);
}

describe('console session', () => {
  it('signs in through the form into an HTTP-only SameSite=Strict cookie, and no token reaches script', async () => {
    const { page, errors, context, email } = await reviewerTab();

    const cookie = await sessionCookieOf(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value).toMatch(/^cs_/);
    const seen = await visibleToScript(page);
    expect(seen.cookie).not.toContain(SESSION_COOKIE);
    expect(seen.cookie).not.toContain(cookie!.value);
    expect(seen.local).not.toContain('cs_');
    expect(seen.session).not.toContain('cs_');
    await signedInAs(page, email).waitFor();
    expect(errors).toEqual([]);
  });

  it('sends the CSRF header and no Authorization header with every GraphQL POST, the live subscription included', async () => {
    const user = await createUser(stack.orm, 'REVIEWER');
    const context = await newContext();
    const page = await context.newPage();
    const errors = consoleErrors(page);
    const posts: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') posts.push(request);
    });
    await page.goto(`${stack.url}/`);
    await signInThroughForm(page, user);
    await expect.poll(async () => {
      const accepts = await Promise.all(posts.map((post) => post.headerValue('accept')));
      return accepts.some((accept) => accept?.includes('text/event-stream'));
    }).toBe(true);

    const headers = await Promise.all(posts.map((post) => post.allHeaders()));
    expect(headers.length).toBeGreaterThanOrEqual(3); // me, signIn, the queue, the subscription
    for (const sent of headers) {
      expect(sent[CSRF_HEADER]).toBe('1');
      expect(sent.authorization).toBeUndefined();
    }
    expect(errors).toEqual([]);
  });

  it("links to the customer's web chat, which opens in a tab of its own", async () => {
    const { page, errors, context } = await reviewerTab();
    const [chat] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Web chat' }).click()]);
    await chat.getByRole('heading', { name: 'Chat with us' }).waitFor();
    expect(new URL(chat.url()).pathname).toBe('/chat');
    expect(errors).toEqual([]);
  });

  it('keeps the reviewer signed in across a reload', async () => {
    const { page, errors, email } = await reviewerTab();
    await page.reload();
    await queueHeading(page).waitFor();
    await signedInAs(page, email).waitFor();

    // A deep link opened afresh in a new tab of the same browser needs no second sign-in.
    const other = await openTab(page.context(), '/phone');
    await other.page.getByRole('heading', { name: 'Phone' }).waitFor();
    expect(other.page.url()).toBe(`${stack.url}/phone`);
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('signs out to the sign-in page, ends the session on the server, and a reload stays signed out', async () => {
    const { page, errors, context } = await reviewerTab();
    const token = (await sessionCookieOf(context))!.value;

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInHeading(page).waitFor();
    expect(await sessionCookieOf(context)).toBeUndefined();

    await page.reload();
    await signInHeading(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(`${stack.url}/`);
    await signInHeading(page).waitFor();

    // The old cookie, replayed, no longer names anyone: logout revoked it rather than only clearing it.
    const replayed = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: '1' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await replayed.json()).toEqual({ data: { me: null } });
    expect(errors).toEqual([]);
  });

  it('signs out every open tab when one tab signs out', async () => {
    const first = await reviewerTab();
    const second = await openTab(first.context, '/phone');
    await second.page.getByRole('heading', { name: 'Phone' }).waitFor();

    await first.page.getByRole('button', { name: 'Sign out' }).click();
    await signInHeading(first.page).waitFor();
    await signInHeading(second.page).waitFor();
    // Back on the page it was showing once the reviewer signs in again.
    await expect.poll(() => new URL(second.page.url()).searchParams.get('redirect')).toBe('/phone');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('sends the reviewer to sign-in on load when the server has ended the session meanwhile', async () => {
    const { page, errors, context } = await reviewerTab();
    const token = (await sessionCookieOf(context))!.value;
    const logout = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: '1' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(await logout.json()).toEqual({ data: { logout: true } });

    // The stored user still says "signed in"; the server's `me` overrules it.
    await page.reload();
    await signInHeading(page).waitFor();
    expect((await visibleToScript(page)).local).not.toContain('"email"');
    expect(errors).toEqual([]);
  });

  it('opens the console with the session cookie alone, before any user is stored', async () => {
    const user = await createUser(stack.orm, 'SUPERVISOR');
    const context = await newContext();
    await signInWithCookie(context, stack.url, user);
    const { page, errors } = await openTab(context, '/phone');
    await page.getByRole('heading', { name: 'Phone' }).waitFor();
    await signedInAs(page, user.email).waitFor();
    expect(errors).toEqual([]);
  });
});
