// What a reviewer's queue and case page ask of the API: filtered, searched and paged case lists, the case's
// conversation and the drafter's reasoning, and customers found by name or address.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, waitForStage, type TestCase } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { customerNumber } from '../helpers/twilio.js';

let stack: Stack;
let token: string;
let reviewerEmail: string;
// One customer's three cases, each with a word no other test uses, so filters can be checked exactly.
const marker = `zq${randomUUID().slice(0, 6)}`;
const customer = customerNumber();
const opened: TestCase[] = [];

beforeAll(async () => {
  stack = await startStack();
  ({ token, email: reviewerEmail } = await signIn(stack.url, stack.orm));
  for (const body of [`Where is order ${marker} please?`, `Refund for ${marker} now`, 'Opening hours?']) {
    const next = await openCase(stack, body, { customer });
    await waitForStage(next.handle, 'awaiting_review');
    opened.push(next);
  }
});
afterAll(async () => {
  await Promise.all(opened.map(({ handle }) => handle.terminate('test over').catch(() => undefined)));
  await stack?.stop();
});

const CASES = `query($filter: CaseFilter, $order: CaseOrder, $first: Int, $after: String) {
  cases(filter: $filter, order: $order, first: $first, after: $after) {
    totalCount edges { cursor node { id inboundText intent claimedBy escalationLevel } } pageInfo { hasNextPage endCursor }
  }
}`;

async function cases(variables: Record<string, unknown>) {
  const result = await gql(stack.url, CASES, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data!.cases;
}

describe('the case list', () => {
  it('narrows to one customer and pages newest first with cursors, without repeats', async () => {
    const { data } = await gql(stack.url, 'query($id: ID!) { case(id: $id) { customer { id } } }', { id: opened[0]!.caseId }, token);
    const customerId = data!.case.customer.id;
    const page1 = await cases({ filter: { customerId }, order: 'NEWEST_FIRST', first: 2 });
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await cases({ filter: { customerId }, order: 'NEWEST_FIRST', first: 2, after: page1.pageInfo.endCursor });
    const ids = [...page1.edges, ...page2.edges].map((edge: any) => edge.node.id);
    expect(ids).toEqual(opened.map((c) => c.caseId).reverse());
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('finds cases by words of the message, and by intent', async () => {
    const found = await cases({ filter: { search: marker } });
    expect(found.edges.map((edge: any) => edge.node.id).sort()).toEqual([opened[0]!.caseId, opened[1]!.caseId].sort());
    const refunds = await cases({ filter: { search: `${marker} refund` } });
    expect(refunds.edges.map((edge: any) => edge.node.id)).toEqual([opened[1]!.caseId]);
    const excluded = await cases({ filter: { search: `${marker} -refund` } });
    expect(excluded.edges.map((edge: any) => edge.node.id)).toEqual([opened[0]!.caseId]);
    const byIntent = await cases({ filter: { search: marker, intent: 'refund' } });
    expect(byIntent.edges.map((edge: any) => edge.node.id)).toEqual([opened[1]!.caseId]);
  });

  it('filters by the reviewer holding a case and by escalation', async () => {
    await gql(stack.url, 'mutation($id: ID!) { claimCase(id: $id) { id } }', { id: opened[2]!.caseId }, token);
    const mine = await cases({ filter: { assignee: reviewerEmail } });
    expect(mine.edges.map((edge: any) => edge.node.id)).toEqual([opened[2]!.caseId]);
    const notEscalated = await cases({ filter: { search: marker, escalated: false } });
    expect(notEscalated.totalCount).toBe(2);
    expect((await cases({ filter: { search: marker, escalated: true } })).totalCount).toBe(0);
  });

  it('explains bad filters instead of guessing', async () => {
    const bad = await gql(stack.url, CASES, { filter: { since: 'yesterday' } }, token);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' }, message: expect.stringMatching(/since is not an ISO 8601 time/) });
    const cursor = await gql(stack.url, CASES, { after: 'not-a-cursor' }, token);
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });
});

describe('a case page', () => {
  it('shows the conversation, the drafter\'s reasoning and model, and the timeline', async () => {
    const { data, errors } = await gql(stack.url, `query($id: ID!) { case(id: $id) {
      draftReasoning draftModel temporalUiUrl
      conversation { channel customerAddress messages { direction body } }
      timeline { type actor }
    } }`, { id: opened[1]!.caseId }, token);
    expect(errors).toBeUndefined();
    expect(data!.case.draftModel).toBe('offline');
    expect(data!.case.draftReasoning).toEqual(expect.any(String));
    expect(data!.case.conversation).toMatchObject({ channel: 'SMS', customerAddress: customer });
    expect(data!.case.conversation.messages.map((m: any) => m.body)).toEqual([
      `Where is order ${marker} please?`, `Refund for ${marker} now`, 'Opening hours?',
    ]);
    expect(data!.case.timeline.map((entry: any) => entry.type)).toEqual(expect.arrayContaining(['case_opened', 'review_requested']));
  });
});

describe('customers', () => {
  it('finds a customer by part of their number, with their cases newest first', async () => {
    const { data, errors } = await gql(stack.url, `query($s: String!) { customers(search: $s, first: 5) {
      edges { node { id createdAt identities { address } cases { id } conversations { channel } } }
    } }`, { s: customer.slice(-7) }, token);
    expect(errors).toBeUndefined();
    const [match] = data!.customers.edges.filter((edge: any) => edge.node.identities.some((i: any) => i.address === customer));
    expect(match.node.cases.map((c: any) => c.id)).toEqual(opened.map((c) => c.caseId).reverse());
    expect(match.node.conversations).toEqual([{ channel: 'SMS' }]);
  });
});
