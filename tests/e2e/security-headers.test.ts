// What a security review checks first: every response of the one port carries a strict Content-Security-Policy
// (no inline script), refuses framing, and forbids MIME sniffing; HSTS appears when the product is reached over
// https. In Chromium: the console works under that policy with no violation, and another site cannot frame it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleErrors, launchChromium, openConsoleAs } from '../helpers/browser.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { inboundSms, postTwilioWebhook } from '../helpers/twilio.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function directives(policy: string | null): Map<string, string> {
  return new Map((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values.join(' ')]));
}

describe('security headers', () => {
  it('are on the console, the web chat, GraphQL, webhooks and health checks alike', async () => {
    const responses = await Promise.all([
      fetch(`${stack.url}/`),
      fetch(`${stack.url}/cases/msg:sms:SMdeep-link`),
      fetch(`${stack.url}/chat`),
      fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }),
      postTwilioWebhook(stack.url, stack.config.publicUrl, '/webhooks/twilio/messages', stack.config.twilio.authToken, inboundSms(), { signature: 'forged' }),
      fetch(`${stack.url}/healthz`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 403, 200]);
    for (const response of responses) {
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), response.url).toBe("'none'");
      expect(csp.get('script-src'), response.url).toBe("'self'");
      expect(csp.get('object-src'), response.url).toBe("'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // Served over plain http here: HSTS would be meaningless.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('add HSTS when the public URL is https', async () => {
    const behindTls = await startStack({ env: { PUBLIC_URL: 'https://support.example.com' }, worker: false });
    try {
      const response = await fetch(`${behindTls.url}/`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behindTls.stop();
    }
  });

  it('let the console run with no policy violation, and keep it out of another site\'s frame', async () => {
    const { page, errors } = await openConsoleAs(browser, stack, 'ADMIN', '/dashboard');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.goto(`${stack.url}/`);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(errors).toEqual([]);

    // A page of another origin that frames the console: Chromium must refuse to render it.
    const attacker = await browser.newPage();
    const attackerErrors = consoleErrors(attacker);
    await attacker.setContent(`<h1>Win a prize</h1><iframe src="${stack.url}/" width="800" height="600"></iframe>`);
    await expect.poll(() => attackerErrors.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors|X-Frame-Options|refused/i);
    const framed = attacker.frames().find((frame) => frame.url().startsWith(stack.url));
    const rendered = framed ? await framed.locator('#app').count().catch(() => 0) : 0;
    expect(rendered).toBe(0);
    await attacker.close();
  });
});
