// Every console page at a phone's size (390×844) and a laptop's (1280×800), in the dark theme (the default)
// and the light one: nothing scrolls sideways (WCAG 1.4.10 Reflow), there is one <main>, and axe-core finds
// nothing serious or critical. Then the places that broke on phones: the header's menu and Sign out, the
// case title, the audit log's length, the drafting-quality table, and the "How it ended" select on a laptop.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, type Role } from '../../db/entities/index.js';
import { openCase, waitForStage } from '../helpers/cases.js';
import { consoleErrors, horizontalOverflow, launchChromium, screenshot, seriousAxeViolations, signInWithCookie } from '../helpers/browser.js';
import { createUser, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
type Theme = 'dark' | 'light';

let stack: Stack;
let browser: Browser;
let adminToken: string;
let openCaseId: string;

const setTheme = (theme: Theme | null) => gql(stack.url, 'mutation($c: [SettingChangeInput!]!) { updateSettings(changes: $c) { key } }',
  { c: [{ key: 'branding.theme', value: theme }] }, adminToken);

beforeAll(async () => {
  // A Temporal UI address, as `npm start` has: the case page then shows its "Open in Temporal UI" button.
  [stack, browser] = await Promise.all([startStack({ env: { TEMPORAL_UI_URL: 'http://localhost:8233' } }), launchChromium()]);
  adminToken = (await signIn(stack.url, stack.orm, 'ADMIN')).token;
  await setTheme(null);
  // One case waiting for a reviewer (the queue, the case page) and one approved (the dashboard, drafting quality).
  const waiting = await openCase(stack, 'Where is parcel heron-2290? It was due on Monday and tracking has not moved.');
  const approved = await openCase(stack, 'Do you accept Mastercard for orders over 200 euros?');
  openCaseId = waiting.caseId;
  await Promise.all([waitForStage(waiting.handle, 'awaiting_review'), waitForStage(approved.handle, 'awaiting_review')]);
  const decided = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { stage } }', { id: approved.caseId }, adminToken);
  expect(decided.errors).toBeUndefined();
  await waitForStage(approved.handle, 'sent');
  // More than a page of the audit log (50 entries), as any day's traffic leaves it; on the closed case, so the
  // open one's timeline stays its own.
  const em = stack.orm.em.fork();
  const logged = await em.count(AuditEventSchema, {});
  for (let i = logged; i < 60; i++) {
    em.create(AuditEventSchema, {
      caseId: approved.caseId,
      actor: i % 3 ? 'system' : 'reviewer-with-a-long-name@support.example.com',
      type: ['draft_created', 'routed_to_review', 'reply_sent'][i % 3]!,
      detail: { intent: 'order_status', confidence: 0.82, channel: 'sms', note: 'filler entry so the first page is full' },
    });
  }
  await em.flush();
});
afterAll(async () => {
  if (stack) await setTheme(null);
  await browser?.close();
  await stack?.stop();
});

interface Session { context: BrowserContext; page: Page; errors: string[] }
const sessions = new Map<string, Session>();

/**
 * One browser context per role and theme, reused across pages. Reduced motion, so axe never measures a colour
 * half-way through a transition; bypassCSP so axe can be injected; the light theme already stored, as in a
 * browser that has seen the admin's branding before (the server's answer then confirms it).
 */
async function sessionFor(role: Role | null, theme: Theme): Promise<Session> {
  const key = `${role ?? 'guest'}:${theme}`;
  const existing = sessions.get(key);
  if (existing) return existing;
  const context = await browser.newContext({ viewport: LAPTOP, bypassCSP: true, reducedMotion: 'reduce' });
  if (theme === 'light') {
    await context.addInitScript(() => localStorage.setItem('countersign.branding', JSON.stringify({ theme: 'LIGHT', primaryColor: null, radius: 10, density: 'COMFORTABLE' })));
  }
  if (role) await signInWithCookie(context, stack.url, await createUser(stack.orm, role));
  const page = await context.newPage();
  const session = { context, page, errors: consoleErrors(page) };
  sessions.set(key, session);
  return session;
}

interface ConsolePage {
  name: string;
  role: Role | null;
  path: () => string;
  heading: string | RegExp;
  /** Something that is there only once the page's data has arrived. */
  ready?: (page: Page) => Locator;
}

const PAGES: ConsolePage[] = [
  { name: 'sign-in', role: null, path: () => '/sign-in', heading: 'Sign in to review' },
  { name: 'queue', role: 'REVIEWER', path: () => '/', heading: 'Review queue', ready: (page) => page.getByRole('link', { name: /heron-2290/ }) },
  {
    name: 'case', role: 'REVIEWER', path: () => `/cases/${encodeURIComponent(openCaseId)}`, heading: /^Case from/,
    // The in-scope guardrail badge is the light theme's success badge, whose contrast axe measures.
    ready: (page) => page.locator('.badge--success').first(),
  },
  { name: 'phone', role: 'REVIEWER', path: () => '/phone', heading: 'Phone' },
  { name: 'not-allowed', role: 'REVIEWER', path: () => '/dashboard', heading: 'Not available to your role' },
  { name: 'dashboard', role: 'SUPERVISOR', path: () => '/dashboard', heading: 'Dashboard' },
  { name: 'supervisor', role: 'SUPERVISOR', path: () => '/supervisor', heading: 'Supervisor' },
  { name: 'audit', role: 'SUPERVISOR', path: () => '/audit', heading: 'Audit log', ready: (page) => page.getByRole('button', { name: 'Load more' }) },
  { name: 'settings', role: 'ADMIN', path: () => '/admin/settings', heading: 'Settings' },
  { name: 'users', role: 'ADMIN', path: () => '/admin/users', heading: 'Users' },
  { name: 'guardrails', role: 'ADMIN', path: () => '/admin/guardrails', heading: 'Guardrails', ready: (page) => page.getByRole('heading', { name: 'Built-in rules' }) },
  { name: 'knowledge', role: 'ADMIN', path: () => '/admin/knowledge', heading: 'Knowledge base' },
  { name: 'drafting quality', role: 'ADMIN', path: () => '/admin/drafting', heading: 'Drafting quality', ready: (page) => page.getByText('Approved as is') },
];
const pageNamed = (name: string) => PAGES.find((candidate) => candidate.name === name)!;

/** Opens a page at a size and waits until its data is shown in the theme asked for. */
async function show(target: ConsolePage, theme: Theme, viewport: { width: number; height: number }): Promise<Session> {
  const session = await sessionFor(target.role, theme);
  const { page } = session;
  await page.setViewportSize(viewport);
  await page.goto(`${stack.url}${target.path()}`);
  await page.getByRole('heading', { name: target.heading, level: 1 }).waitFor();
  await target.ready?.(page).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  return session;
}

/**
 * The selects on the page whose longest option does not fit the box (e.g. "Needs follow-up" shown as
 * "Needs fo"), by accessible name.
 */
function cutSelects(page: Page): Promise<string[]> {
  return page.locator('select:visible').evaluateAll((selects: HTMLSelectElement[]) => {
    const measure = document.createElement('canvas').getContext('2d')!;
    return selects.filter((select) => {
      const style = getComputedStyle(select);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const widest = Math.max(...[...select.options].map((option) => measure.measureText(option.text).width));
      // The native arrow takes about 1.25em beside the text.
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.fontSize) * 1.25;
      return room < widest;
    }).map((select) => select.labels?.[0]?.textContent?.trim() || select.getAttribute('aria-label') || select.id);
  });
}

describe.each<Theme>(['dark', 'light'])('every page in the %s theme', (theme) => {
  beforeAll(async () => {
    await setTheme(theme === 'light' ? 'light' : null);
  });
  afterAll(async () => {
    await setTheme(null);
  });

  it.each(PAGES.map((target) => [target.name, target] as const))('%s reflows at 390 px and 1280 px with nothing serious for axe', async (name, target) => {
    for (const viewport of [PHONE, LAPTOP]) {
      const { page, errors } = await show(target, theme, viewport);
      const at = `${name}, ${theme}, ${viewport.width}px`;
      // Soft: one run reports every size's and every check's failures, not just the first.
      expect.soft(await horizontalOverflow(page), at).toBeNull();
      expect.soft(await page.locator('main').count(), at).toBe(1);
      expect.soft(await cutSelects(page), at).toEqual([]);
      expect.soft(await seriousAxeViolations(page), at).toEqual([]);
      await screenshot(page, `reflow-${name.replace(/\W+/g, '-')}-${theme}-${viewport.width}`);
      expect.soft(errors, at).toEqual([]);
    }
  });
});

describe('at a phone\'s width', () => {
  it.each<Role>(['REVIEWER', 'ADMIN'])('collapses the %s\'s header into a menu whose links and Sign out can be tapped', async (role) => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    await signInWithCookie(context, stack.url, await createUser(stack.orm, role));
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(await page.getByRole('link', { name: 'Phone', exact: true }).isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBeNull();

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.tap({ timeout: 5_000 });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, `header-menu-${role.toLowerCase()}-390`);
    await page.getByRole('link', { name: 'Phone', exact: true }).tap({ timeout: 5_000 });
    await page.getByRole('heading', { name: 'Phone', level: 1 }).waitFor();
    // Moving to another page closes the menu, as it does on any phone.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.tap();
    await page.getByRole('button', { name: 'Sign out' }).tap({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('keeps the admin\'s header on one line from a tablet up, and Escape closes the menu', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await signInWithCookie(context, stack.url, await createUser(stack.orm, 'ADMIN'));
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');

    for (const width of [600, 768, 1024, 1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await horizontalOverflow(page), `${width}px`).toBeNull();
      const headerHeight = await page.locator('header').first().evaluate((header) => header.getBoundingClientRect().height);
      expect(headerHeight, `${width}px`).toBeLessThan(80);
    }
    await page.setViewportSize(LAPTOP);
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Sign out' }).click({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('sets the case title on whole words', async () => {
    const { page } = await show(pageNamed('case'), 'dark', PHONE);
    const title = page.getByRole('heading', { level: 1 });
    const box = (await title.boundingBox())!;
    const lineHeight = await title.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect(box.width).toBeGreaterThan(PHONE.width / 2);
    expect(Math.round(box.height / lineHeight)).toBeLessThanOrEqual(3);
  });

  it('shows a page of the audit log in a few screens, not dozens', async () => {
    const { page } = await show(pageNamed('audit'), 'dark', PHONE);
    // "Load more" is there: a full page of 50 entries is shown.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6_000);
  });

  it('shows every figure of the drafting-quality table, at a phone\'s width and a laptop\'s', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const { page } = await show(pageNamed('drafting quality'), 'dark', viewport);
      const region = page.getByRole('region', { name: 'Drafting quality per intent' });
      // Nothing hidden past the edge of its region: every figure is on screen without scrolling sideways.
      expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth), `${viewport.width}px`).toBeLessThanOrEqual(0);
      for (const label of ['Approved as is', 'Self-rated', 'Calibrated', 'Shadow']) {
        expect(await region.getByText(label, { exact: true }).first().isVisible(), `${label} at ${viewport.width}px`).toBe(true);
      }
    }
  });
});

describe('on a laptop', () => {
  it('shows the whole of the "How it ended" choice', async () => {
    const { page } = await show(pageNamed('case'), 'dark', LAPTOP);
    await page.getByLabel('How it ended').waitFor();
    expect(await cutSelects(page)).toEqual([]);
  });
});
