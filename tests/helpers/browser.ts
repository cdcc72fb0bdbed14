import type { AxeResults } from 'axe-core';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../auth/request-credentials.js';
import type { Role } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';
import { createUser } from './graphql.js';

/** Debian's Chromium (installed by .ci/run); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('tests/e2e/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Saves a screenshot of a main view as a test artifact (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects console errors so a test can assert the console stayed clean. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Signs in the way the console does (`signIn` sets the HTTP-only session cookie) and gives the cookie to a
 * browser context, for tests that are not about the sign-in form.
 */
export async function signInWithCookie(context: BrowserContext, baseUrl: string, user: { email: string; password: string }): Promise<void> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }',
      variables: { e: user.email, p: user.password },
    }),
  });
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error(`signIn set no session cookie: ${await response.text()}`);
  const value = header.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
  await context.addCookies([{ name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
}

/**
 * A signed-in console in a context of its own: a fresh user of `role`, their session cookie, console errors
 * collected, `path` opened. A laptop screen by default.
 */
export async function openConsoleAs(
  browser: Browser,
  stack: { url: string; orm: Orm },
  role: Role,
  path: string,
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; errors: string[]; email: string }> {
  const context = await browser.newContext({ viewport });
  const user = await createUser(stack.orm, role);
  await signInWithCookie(context, stack.url, user);
  const page = await context.newPage();
  const errors = consoleErrors(page);
  await page.goto(`${stack.url}${path}`);
  return { page, errors, email: user.email };
}

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page as it stands, one line each (rule, impact, the
 * first elements). The context needs `bypassCSP: true`: the console's Content-Security-Policy refuses the
 * injected script, as it should.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.targets.join('; ')}`);
}

/**
 * null when nothing makes the page scroll sideways (WCAG 1.4.10 Reflow); otherwise the widths and the
 * innermost elements that stick out past the viewport, to say what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] } | null> {
  return page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= window.innerWidth) return null;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > window.innerWidth + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
      .slice(0, 8)
      .map((element) => {
        const rect = element.getBoundingClientRect();
        const classes = [...element.classList].join('.');
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} [${Math.round(rect.left)}–${Math.round(rect.right)}] "${(element.textContent ?? '').trim().slice(0, 40)}"`;
      });
    return { scrollWidth, innerWidth: window.innerWidth, culprits };
  });
}
