// Admins feed the drafter in a real Chromium: Markdown imported into the knowledge base, a draft citing it
// on the case page, the conversation closed with its summary, and the drafting-quality table.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbArticleSchema } from '../../db/entities/index.js';
import { refreshTerms } from '../../knowledge/retrieval.js';
import { openCase, waitForStage } from '../helpers/cases.js';
import { launchChromium, openConsoleAs, screenshot } from '../helpers/browser.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  // The knowledge base is global: later files draft without it.
  if (stack) {
    const em = stack.orm.em.fork();
    await em.nativeDelete(KbArticleSchema, {});
    await refreshTerms(em);
  }
  await browser?.close();
  await stack?.stop();
});

const openAs = (role: 'ADMIN' | 'REVIEWER', path: string) => openConsoleAs(browser, stack, role, path, { width: 1280, height: 800 });

const BIKE_ARTICLE = `---
title: Bike servicing
tags: bike, service, repair
---
Every bike bought from us gets a free first service within six months. Book it online under "My bikes"; the
workshop needs the bike for two working days.`;

describe('knowledge base page', () => {
  it('imports a Markdown file and adds an article, which search then finds', async () => {
    const { page, errors } = await openAs('ADMIN', '/admin/knowledge');
    await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    await page.getByLabel('Markdown files').setInputFiles({ name: 'bike-servicing.md', mimeType: 'text/markdown', buffer: Buffer.from(BIKE_ARTICLE) });
    await page.getByRole('status').filter({ hasText: 'Imported 1 article.' }).waitFor();

    await page.getByLabel('Title').fill('Helmet sizes');
    await page.getByLabel('Text').fill('Measure your head just above the eyebrows; sizes run from 52 to 62 cm.');
    await page.getByLabel('Tags').fill('helmet, size');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “Helmet sizes”.' }).waitFor();

    const list = page.getByRole('list', { name: 'Articles' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Helmet sizes'), expect.stringContaining('Bike servicing')]);
    await page.getByLabel('Search articles').fill('when is my free first service');
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Bike servicing');
    await screenshot(page, 'knowledge');
    expect(errors).toEqual([]);
  });

  it('shows the article a draft quoted, and closes the conversation with its summary', async () => {
    const { caseId, handle } = await openCase(stack, 'When can I bring my new bike for its free service?');
    await waitForStage(handle, 'awaiting_review');
    const { page, errors } = await openAs('REVIEWER', `/cases/${encodeURIComponent(caseId)}`);
    const why = page.getByRole('region', { name: 'Why this draft' });
    await why.getByRole('list', { name: 'Knowledge base' }).getByText('Bike servicing').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('region', { name: 'AI draft' }).textContent()).toContain('free first service within six months');

    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByLabel('How it ended').selectOption('NEEDS_FOLLOW_UP');
    await conversation.getByRole('button', { name: 'Close conversation' }).click();
    await conversation.getByRole('status').filter({ hasText: 'Needs follow-up' }).waitFor({ timeout: 20_000 });
    expect(await conversation.getByRole('status').textContent()).toContain('Asked: “When can I bring my new bike');
    await page.getByRole('list', { name: 'Closed conversations' }).getByText(/Needs follow-up\. 1 from the customer/).waitFor();
    await screenshot(page, 'case-sources');
    await handle.terminate('test over');
    expect(errors).toEqual([]);
  });

  it('keeps the knowledge base and drafting quality pages to admins', async () => {
    const { page, errors } = await openAs('REVIEWER', '/admin/knowledge');
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    const admin = await openAs('ADMIN', '/admin/drafting');
    await admin.page.getByRole('heading', { name: 'Drafting quality' }).waitFor();
    await admin.page.getByText(/No decided drafts in this range yet|Decided/).first().waitFor();
    expect([...errors, ...admin.errors]).toEqual([]);
  });
});
