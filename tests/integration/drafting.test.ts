// Drafting from what the business knows, through the real stack: the knowledge base imported from
// Markdown and retrieved for customers' questions (the README's own example among them), drafts quoting it,
// reviewers' decisions calibrating confidence and feeding the admin's quality table, and a closed
// conversation's summary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftOutcomeSchema, KbArticleSchema } from '../../db/entities/index.js';
import { refreshTerms } from '../../knowledge/retrieval.js';
import { STARTER_DIR } from '../../knowledge/starter.js';
import { openCase, waitForStage } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { sentencesNotIn } from '../helpers/whole-sentences.js';

let stack: Stack;
let admin: string;
let reviewer: { email: string; token: string };
const SEEDED = 'calibration-seed:';

const starterFiles = () => readFileSync(path.join(STARTER_DIR, 'questions.json'), 'utf8');
const markdownFiles = () => ['returns-policy.md', 'refunds.md', 'delivery-times.md', 'order-tracking.md', 'damaged-items.md',
  'change-address.md', 'cancel-order.md', 'payment-methods.md', 'double-charge.md', 'password-reset.md', 'account-email.md',
  'loyalty-points.md', 'gift-cards.md', 'store-hours.md']
  .map((name) => ({ name, content: readFileSync(path.join(STARTER_DIR, name), 'utf8') }));

beforeAll(async () => {
  stack = await startStack({ env: { COUNTERSIGN_CALIBRATION: 'on' } });
  ({ token: admin } = await signIn(stack.url, stack.orm, 'ADMIN'));
  reviewer = await signIn(stack.url, stack.orm, 'REVIEWER');
});
afterAll(async () => {
  // The knowledge base and the outcomes are global: later files draft without them.
  if (stack) {
    const em = stack.orm.em.fork();
    await em.nativeDelete(KbArticleSchema, {});
    await refreshTerms(em);
    await em.nativeDelete(DraftOutcomeSchema, { caseId: { $like: `${SEEDED}%` } });
  }
  await stack?.stop();
});

const searchSlugs = async (q: string): Promise<string[]> =>
  (await gql(stack.url, 'query($q: String!) { articles(search: $q, first: 3) { slug } }', { q }, reviewer.token)).data!.articles.map((a: { slug: string }) => a.slug);

const IMPORT = 'mutation($files: [MarkdownFileInput!]!) { importArticles(files: $files) { id slug title tags } }';

describe('knowledge base', () => {
  it('imports Markdown files, and importing them again updates instead of adding', async () => {
    const first = await gql(stack.url, IMPORT, { files: markdownFiles() }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importArticles).toHaveLength(14);
    expect(first.data!.importArticles[0]).toMatchObject({ slug: 'returns-policy', title: 'Returns and exchanges', tags: expect.arrayContaining(['returns', 'exchange', 'refund', 'send back']) });
    const again = await gql(stack.url, IMPORT, { files: markdownFiles().slice(0, 2) }, admin);
    expect(again.data!.importArticles.map((a: { id: string }) => a.id)).toEqual(first.data!.importArticles.slice(0, 2).map((a: { id: string }) => a.id));
    expect(await stack.orm.em.fork().count(KbArticleSchema, {})).toBe(14);
  });

  it('refuses a whole import when one file is unusable, naming it, and keeps articles to admins', async () => {
    const refused = await gql(stack.url, IMPORT, { files: [
      { name: 'fine.md', content: '# Fine\nA good article.' },
      { name: 'untitled.md', content: 'No heading, no front matter.' },
    ] }, admin);
    expect(refused.errors?.[0]).toMatchObject({ message: 'untitled.md: no title (front matter "title:" or a "# " heading)', extensions: { code: 'BAD_INPUT' } });
    expect(await stack.orm.em.fork().count(KbArticleSchema, { slug: 'fine' })).toBe(0);
    const asReviewer = await gql(stack.url, 'mutation { createArticle(input: { title: "x", body: "y" }) { id } }', {}, reviewer.token);
    expect(asReviewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('finds the right article in the top 3 for every question of the starter set', async () => {
    const questions = JSON.parse(starterFiles()) as { question: string; article: string }[];
    const misses: string[] = [];
    for (const { question, article } of questions) {
      const { data } = await gql(stack.url, 'query($q: String!) { articles(search: $q, first: 3) { slug } }', { q: question }, reviewer.token);
      if (!data!.articles.some((a: { slug: string }) => a.slug === article)) misses.push(`${question} → ${data!.articles.map((a: { slug: string }) => a.slug).join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('lets an admin write, change and remove an article, each audited', async () => {
    const created = await gql(stack.url, 'mutation { createArticle(input: { title: "Click and collect", body: "Collect in store from 2 hours after ordering.", tags: ["store"] }) { id slug } }', {}, admin);
    expect(created.data!.createArticle.slug).toBe('click-and-collect');
    const id = created.data!.createArticle.id;
    const duplicate = await gql(stack.url, 'mutation { createArticle(input: { title: "Click and collect", body: "again" }) { id } }', {}, admin);
    expect(duplicate.errors?.[0]).toMatchObject({ message: 'there is an article "click-and-collect" already', extensions: { code: 'BAD_INPUT' } });
    const updated = await gql(stack.url, 'mutation($id: ID!) { updateArticle(id: $id, input: { title: "Click and collect", body: "Collect in store from 1 hour after ordering." }) { body } }', { id }, admin);
    expect(updated.data!.updateArticle.body).toContain('1 hour');
    expect((await gql(stack.url, 'mutation($id: ID!) { deleteArticle(id: $id) }', { id }, admin)).data!.deleteArticle).toBe(true);
    expect((await gql(stack.url, 'query($id: ID!) { article(id: $id) { id } }', { id }, admin)).data!.article).toBeNull();
  });
});

describe('drafts from the knowledge base', () => {
  it('answers from the best article without an LLM, cites it on the case, and still asks a human', async () => {
    const { caseId, handle } = await openCase(stack, 'Hello, the lamp I ordered arrived broken. What should I do?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting.draft).toMatch(/send us a photo of the damage/);
    const { data } = await gql(stack.url, 'query($id: ID!) { case(id: $id) { draftSources { title } draftReasoning draftModel } }', { id: caseId }, reviewer.token);
    expect(data!.case).toMatchObject({ draftSources: [{ title: 'Damaged or faulty items' }], draftModel: 'offline' });
    expect(data!.case.draftReasoning).toMatch(/quotes the knowledge-base article "Damaged or faulty items"/);
    await handle.terminate('test over');
  });

  it('answers the README\'s "Hi, where is my order 1234?" from the tracking article, in its own whole sentences', async () => {
    expect((await searchSlugs('where is my order'))[0]).toBe('order-tracking');
    const { caseId, handle } = await openCase(stack, 'Hi, where is my order 1234?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    const { data } = await gql(stack.url, 'query($id: ID!) { case(id: $id) { draftSources { id title } } }', { id: caseId }, reviewer.token);
    expect(data!.case.draftSources).toEqual([{ id: expect.any(String), title: 'Tracking your order' }]);
    const article = await gql(stack.url, 'query($id: ID!) { article(id: $id) { body } }', { id: data!.case.draftSources[0].id }, reviewer.token);
    expect(waiting.draft).toMatch(/tracking number/);
    expect(sentencesNotIn(waiting.draft!, article.data!.article.body)).toEqual([]);
    await handle.terminate('test over');
  });

  it('answers "will it arrive Monday?" from delivery times, not from the opening hours that name Monday', async () => {
    for (const question of ['Hi, my order 1234 was placed on Friday, will it arrive Monday?', 'If I order today, will it arrive Monday?']) {
      const found = await searchSlugs(question);
      expect(found[0]).toBe('delivery-times');
      expect(found).not.toContain('store-hours');
    }
  });
});

describe('calibration and drafting quality', () => {
  it('lowers the confidence of an intent reviewers keep rejecting at that confidence, and leaves the raw one on the case', async () => {
    const em = stack.orm.em.fork();
    for (let i = 0; i < 20; i++) {
      em.create(DraftOutcomeSchema, { caseId: `${SEEDED}${i}`, intent: 'other', rawConfidence: 0.32, outcome: 'reject', draft: 'Thanks.', final: null, editDistance: null });
    }
    await em.flush();
    // Other files' decisions are in the same table: the expectation counts whatever is there for the bucket.
    const [bucket] = await em.execute<{ decided: number; accepted: number }[]>(
      `select count(*)::int as decided, count(*) filter (where outcome = 'approve')::int as accepted
       from draft_outcomes where intent = 'other' and raw_confidence >= 0.3 and raw_confidence < 0.4`);
    expect(bucket!.decided - bucket!.accepted).toBeGreaterThanOrEqual(20);
    // The bucket's approval rate against a prior of 5 drafts at the raw 0.3.
    const expected = (bucket!.accepted + 5 * 0.3) / (bucket!.decided + 5);
    expect(expected).toBeLessThan(0.3);
    const { caseId, handle } = await openCase(stack, 'Do you sell umbrellas in bright yellow?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting.intent).toBe('other');
    expect(waiting.confidence).toBeCloseTo(expected, 5);
    const { data } = await gql(stack.url, 'query($id: ID!) { case(id: $id) { confidence draftConfidenceRaw } }', { id: caseId }, reviewer.token);
    expect(data!.case).toEqual({ confidence: expect.closeTo(expected, 5), draftConfidenceRaw: 0.3 });
    await handle.terminate('test over');
  });

  it('records what reviewers did with drafts, and shows admins each intent\'s rates, most edited first', async () => {
    const QUALITY = '{ draftingQuality(sinceDays: 1) { intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance meanRawConfidence buckets { from decided calibrated } } }';
    type Row = { intent: string; decided: number; approvedAsIs: number; edited: number; rejected: number; editRate: number; acceptanceRate: number };
    const quality = async () => {
      const result = await gql(stack.url, QUALITY, {}, admin);
      expect(result.errors).toBeUndefined();
      return result.data!.draftingQuality as Row[];
    };
    const zero = { decided: 0, approvedAsIs: 0, edited: 0, rejected: 0 };
    const before = (await quality()).find((r) => r.intent === 'order_status') ?? zero;
    const approved = await openCase(stack, 'Has my order 8841 shipped yet?');
    const edited = await openCase(stack, 'Where is my order 8842 now?');
    for (const { handle } of [approved, edited]) await waitForStage(handle, 'awaiting_review');
    const decide = (id: string, input: Record<string, unknown>) =>
      gql(stack.url, 'mutation($id: ID!, $input: DecisionInput!) { decideCase(id: $id, input: $input) { id } }', { id, input }, reviewer.token);
    expect((await decide(approved.caseId, { decision: 'APPROVE' })).errors).toBeUndefined();
    expect((await decide(edited.caseId, { decision: 'EDIT', text: 'Your order 8842 is with the courier and arrives tomorrow.' })).errors).toBeUndefined();
    await Promise.all([waitForStage(approved.handle, 'sent'), waitForStage(edited.handle, 'sent')]);

    const outcomes = await stack.orm.em.fork().find(DraftOutcomeSchema, { caseId: { $in: [approved.caseId, edited.caseId] } }, { orderBy: { outcome: 'asc' } });
    expect(outcomes.map((o) => [o.outcome, o.intent, o.editDistance])).toEqual([['approve', 'order_status', 0], ['edit', 'order_status', expect.any(Number)]]);
    expect(outcomes[1]!.editDistance).toBeGreaterThan(5);
    expect(outcomes[1]!.final).toBe('Your order 8842 is with the courier and arrives tomorrow.');

    const rows = await quality();
    const orderStatus = rows.find((r) => r.intent === 'order_status')!;
    expect(orderStatus).toMatchObject({
      decided: before.decided + 2, approvedAsIs: before.approvedAsIs + 1, edited: before.edited + 1, rejected: before.rejected,
    });
    expect(orderStatus.acceptanceRate).toBeCloseTo(orderStatus.approvedAsIs / orderStatus.decided, 10);
    expect(orderStatus.editRate).toBeCloseTo(orderStatus.edited / orderStatus.decided, 10);
    expect(rows.find((r) => r.intent === 'other')!.rejected).toBeGreaterThanOrEqual(20);
    expect(rows.map((r) => r.editRate)).toEqual([...rows.map((r) => r.editRate)].sort((a, b) => b - a));
    const refused = await gql(stack.url, '{ draftingQuality(sinceDays: 0) { intent } }', {}, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});

describe('closing a conversation', () => {
  it('stores how it ended and a summary with personal data tokenised, shown on the customer', async () => {
    const { caseId, handle } = await openCase(stack, 'Hi, I need to change the address on order 9931 to 12 High Street, my email is pat@example.org');
    await waitForStage(handle, 'awaiting_review');
    await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id } }', { id: caseId }, reviewer.token);
    await waitForStage(handle, 'sent');
    const { data } = await gql(stack.url, 'query($id: ID!) { case(id: $id) { conversation { id } customer { id } } }', { id: caseId }, reviewer.token);
    const conversationId = data!.case.conversation.id;

    const closed = await gql(stack.url, 'mutation($id: ID!) { closeConversation(id: $id, disposition: RESOLVED) { closedAt closedBy disposition summary } }', { id: conversationId }, reviewer.token);
    expect(closed.errors).toBeUndefined();
    const conversation = closed.data!.closeConversation;
    expect(conversation).toMatchObject({ closedBy: reviewer.email, disposition: 'RESOLVED' });
    expect(conversation.summary).toMatch(/^Resolved\. 1 from the customer, 1 from us on sms about order status\. Asked: “Hi, I need to change the address on order 9931/);
    expect(conversation.summary).not.toContain('pat@example.org');
    expect(conversation.summary).toContain('⟨EMAIL_1⟩');

    const customer = await gql(stack.url, 'query($id: ID!) { customer(id: $id) { conversations { id disposition summary } } }', { id: data!.case.customer.id }, reviewer.token);
    expect(customer.data!.customer.conversations).toContainEqual({ id: conversationId, disposition: 'RESOLVED', summary: conversation.summary });
    const missing = await gql(stack.url, 'mutation { closeConversation(id: "00000000-0000-4000-8000-000000000000", disposition: SPAM) { id } }', {}, reviewer.token);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
