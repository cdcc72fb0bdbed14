// /graphql over real HTTP refuses what would make it expensive or talkative — deep, alias-heavy, costly or
// oversized requests, absurd variables — while the console's own queries and GraphiQL keep working.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, signIn, type GraphQLResult } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let reviewer: string;

beforeAll(async () => {
  stack = await startStack();
  ({ token: reviewer } = await signIn(stack.url, stack.orm, 'REVIEWER'));
});
afterAll(async () => {
  await stack?.stop();
});

async function postGraphQL(body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${reviewer}`, ...headers },
    body,
    // @ts-expect-error Node's fetch needs this to stream a request body; the DOM typings do not know it
    duplex: 'half',
  });
}

function codes(result: GraphQLResult): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Case.customer ↔ Customer.cases under the cases connection, `levels` times round. */
function customerCycle(levels: number): string {
  return `cases { edges { node { ${'customer { cases { '.repeat(levels)}id${' } }'.repeat(levels)} } } }`;
}

describe('query limits', () => {
  it('refuses a query nested past the depth limit, and executes none of it', async () => {
    const result = await gql(stack.url, `{ me { id } ${customerCycle(5)} }`, {}, reviewer);
    // Its cost is refused too (each level multiplies by a page of cases); the depth is the error that names it.
    expect(result.errors).toContainEqual(expect.objectContaining({ message: 'query depth 14 exceeds the limit of 12', extensions: { code: 'QUERY_TOO_COMPLEX' } }));
    // Not even the cheap `me` ran: a refused operation has no data at all.
    expect(result.data).toBeUndefined();
  });

  it('refuses a too-deep mutation before its first field runs: the reviewer is not signed out', async () => {
    const deep = `${'cases { customer { '.repeat(6)}id${' } }'.repeat(6)}`;
    const mutation = `mutation { logout linkIdentity(customerId: "00000000-0000-0000-0000-000000000000", channel: SMS, address: "+15551234567") { ${deep} } }`;
    const result = await gql(stack.url, mutation, {}, reviewer);
    expect(result.errors!.map((e) => e.message)).toContain('query depth 14 exceeds the limit of 12');
    const me = await gql(stack.url, '{ me { role } }', {}, reviewer);
    expect(me.data?.me).toEqual({ role: 'REVIEWER' });
  });

  it('refuses hundreds of aliased fields at the alias limit, before any resolver runs', async () => {
    // 200 aliases of `me { id }` are 400 fields, under the field limit: the alias limit is what refuses it.
    const bomb = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const result = await gql(stack.url, bomb, {}, reviewer);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'query uses 200 aliases, more than the limit of 30', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it('refuses a thousand repeated fields without aliases before validation, at the field limit', async () => {
    const repeated = `{ ${'me { id } '.repeat(1_200)}}`;
    const result = await gql(stack.url, repeated, {}, reviewer);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'query selects 2400 fields, more than the limit of 500', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it('refuses thousands of aliased fields while parsing, at the token limit', async () => {
    const bomb = `{ ${Array.from({ length: 2_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const result = await gql(stack.url, bomb, {}, reviewer);
    expect(result.errors).toEqual([expect.objectContaining({ message: 'query has more than 5000 tokens, the limit; parsing stopped there', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it("refuses a list query whose cost is over the limit: every case's customer's history", async () => {
    const crawl = '{ cases(first: 200) { edges { node { customer { cases { id } history(last: 50) { body } } } } } }';
    const result = await gql(stack.url, crawl, {}, reviewer);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'query cost 14802 exceeds the limit of 5000', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it("answers the review console's queue query as before", async () => {
    const fields = 'totalCount edges { node { id stage channel inboundText intent confidence escalationLevel deadline deliveryError createdAt customer { id displayName } } }';
    const result = await gql(stack.url, `query ReviewQueue {
      awaiting: cases(stage: AWAITING_REVIEW, first: 100) { ${fields} }
      escalated: cases(stage: ESCALATED, first: 100) { ${fields} }
    }`, {}, reviewer);
    expect(result.errors).toBeUndefined();
    expect(typeof result.data!.awaiting.totalCount).toBe('number');
    expect(Array.isArray(result.data!.escalated.edges)).toBe(true);
  });
});

describe('request limits', () => {
  const padded = (bytes: number) => JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(bytes) } });

  it('refuses a 200 KB body with 413 and says what the limit is', async () => {
    const response = await postGraphQL(padded(200 * 1024));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('GraphQL request bodies are limited to 100 KB');
  });

  it('counts the bytes of a chunked body that declares no length', async () => {
    const bytes = new TextEncoder().encode(padded(200 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    const response = await postGraphQL(body);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('GraphQL request bodies are limited to 100 KB');
  });

  it('still answers a body just under the limit', async () => {
    const response = await postGraphQL(padded(90 * 1024));
    expect(response.status).toBe(200);
    expect(((await response.json()) as GraphQLResult).data?.me).toBeTruthy();
  });

  it('refuses variables nested 500 levels deep with 400 BAD_INPUT', async () => {
    const filter = '{"search":'.repeat(500) + '"x"' + '}'.repeat(500);
    const response = await postGraphQL(`{"query":"query($f: CaseFilter) { cases(filter: $f) { totalCount } }","variables":{"f":${filter}}}`);
    expect(response.status).toBe(400);
    const result = (await response.json()) as GraphQLResult;
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'variables nest 501 levels deep, more than the limit of 50', extensions: { code: 'BAD_INPUT' } })]);
  });
});

describe('errors in development', () => {
  it('suggests the field a developer misspelt', async () => {
    const result = await gql(stack.url, '{ me { emial } }', {}, reviewer);
    expect(result.errors![0]!.message).toBe('Cannot query field "emial" on type "User". Did you mean "email"?');
  });

  it('lets GraphiQL load the schema: the introspection query is exempt from depth and cost', async () => {
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('Countersign GraphQL');
    const result = await gql(stack.url, getIntrospectionQuery({ inputValueDeprecation: true }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.types.map((type: { name: string }) => type.name)).toContain('Case');
  });

  it('masks an unexpected error: no stack, no database message', async () => {
    // A database out of step with the code (a table renamed under it) is exactly the fault whose details must
    // not reach a client.
    const connection = stack.orm.em.getConnection();
    await connection.execute('alter table kb_articles rename to kb_articles_moved');
    try {
      const response = await postGraphQL(JSON.stringify({ query: '{ articles(search: "refund") { title } }' }));
      const text = await response.text();
      const result = JSON.parse(text) as GraphQLResult;
      expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Unexpected error.', 'INTERNAL_SERVER_ERROR']]);
      expect(text).not.toMatch(/stack|at .*\.(ts|js):\d+|kb_articles|relation|postgres/i);
    } finally {
      await connection.execute('alter table kb_articles_moved rename to kb_articles');
    }
  });
});
