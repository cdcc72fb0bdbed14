// What the GraphQL endpoint's depth, alias and cost measures count, on the real schema, and how the hardening
// plugin answers an over-limit or misspelt request in development and in production.
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasCount, aliasLimitRule } from '../../api/graphql/hardening/alias-count.rule.js';
import { withoutSuggestions } from '../../api/graphql/hardening/field-suggestions.js';
import { fieldCount } from '../../api/graphql/hardening/field-count.js';
import { fragmentsOf } from '../../api/graphql/hardening/fragments.js';
import { useGraphQLHardening } from '../../api/graphql/hardening/graphql-hardening.plugin.js';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_FIELDS, MAX_LIST_SIZE, MAX_VARIABLES_DEPTH } from '../../api/graphql/hardening/limits.js';
import { costLimitRule, queryCost } from '../../api/graphql/hardening/query-cost.rule.js';
import { depthLimitRule, queryDepth } from '../../api/graphql/hardening/query-depth.rule.js';
import { jsonDepth } from '../../api/graphql/hardening/variables-depth.js';

const typeDefs = readFileSync(new URL('../../api/graphql/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(typeDefs);

function measure(query: string, options: { ignoreIntrospection?: boolean } = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = fragmentsOf(document);
  return {
    depth: queryDepth(operation, fragments, options),
    aliases: aliasCount(operation, fragments),
    cost: queryCost(schema, operation, fragments, options),
  };
}

/** Customer.cases ↔ Case.customer, `levels` times round: each level is two fields deep. */
function customerCycle(levels: number): string {
  return `{ case(id: "c") { ${'customer { cases { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
}

// Copied from ui/src/pages/queue.graphql.ts: the heaviest operation the console sends.
const QUEUE_FIELDS = `totalCount edges { node { id stage channel inboundText intent confidence escalationLevel deadline deliveryError createdAt customer { id displayName } } }`;
const REVIEW_QUEUE = `query ReviewQueue {
  awaiting: cases(stage: AWAITING_REVIEW, first: 100) { ${QUEUE_FIELDS} }
  escalated: cases(stage: ESCALATED, first: 100) { ${QUEUE_FIELDS} }
}`;

describe('query depth', () => {
  it('counts nested fields, so `me { id }` is two deep', () => {
    expect(measure('{ me { id } }').depth).toBe(2);
    expect(measure(customerCycle(3)).depth).toBe(8);
  });

  it('counts through named and inline fragments as if they were written in place', () => {
    const inline = measure('{ cases { edges { node { customer { cases { id } } } } } }').depth;
    const viaFragments = measure(`
      query { cases { edges { node { ...CaseParts } } } }
      fragment CaseParts on Case { ... on Case { customer { ...CustomerParts } } }
      fragment CustomerParts on Customer { cases { id } }
    `).depth;
    expect(inline).toBe(6);
    expect(viaFragments).toBe(inline);
  });

  it('ends at a fragment that spreads itself instead of looping (the document is refused as invalid anyway)', () => {
    expect(measure('query { me { ...Self } } fragment Self on User { id ...Self }').depth).toBe(2);
  });

  it('leaves GraphiQL introspection out only when asked to (development)', () => {
    const introspection = getIntrospectionQuery({ inputValueDeprecation: true });
    expect(measure(introspection).depth).toBeGreaterThan(MAX_DEPTH);
    expect(measure(introspection, { ignoreIntrospection: true }).depth).toBe(0);
  });

  it('is refused by the validation rule with QUERY_TOO_COMPLEX, naming the depth and the limit', () => {
    const errors = validate(schema, parse(customerCycle(7)), [...specifiedRules, depthLimitRule(MAX_DEPTH)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('query depth 16 exceeds the limit of 12');
    expect(errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(validate(schema, parse(customerCycle(5)), [depthLimitRule(MAX_DEPTH)])).toEqual([]);
  });
});

describe('field count', () => {
  it('counts each field as written, a fragment once however often it is spread', () => {
    expect(fieldCount(parse('{ me { id email } cases { totalCount } }'))).toBe(5);
    expect(fieldCount(parse('{ a: me { ...F } b: me { ...F } } fragment F on User { id email role }'))).toBe(5);
    expect(fieldCount(parse('{ me { ... on User { id } } }'))).toBe(2);
  });

  it("lets GraphiQL's introspection query through", () => {
    expect(fieldCount(parse(getIntrospectionQuery()))).toBeLessThan(MAX_FIELDS);
  });
});

describe('aliases', () => {
  it('counts every aliased field, again at each spread of a fragment that holds some', () => {
    expect(measure('{ a: me { id } b: me { userId: id } }').aliases).toBe(3);
    expect(measure('query { one: me { ...Ids } two: me { ...Ids } } fragment Ids on User { x: id y: id }').aliases).toBe(6);
  });

  it('refuses more than the limit, saying how many there were', () => {
    const bomb = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const errors = validate(schema, parse(bomb), [aliasLimitRule(MAX_ALIASES)]);
    expect(errors.map((e) => e.message)).toEqual(['query uses 40 aliases, more than the limit of 30']);
  });
});

describe('query cost', () => {
  it('charges each field 1 and a list its selection times first/last', () => {
    expect(measure('{ me { id email } }').cost).toBe(3);
    // customer 1 + history (1 + 5 × body 1)
    expect(measure('{ customer(id: "c") { history(last: 5) { body } } }').cost).toBe(7);
  });

  it("sizes a connection's edges by the connection's first, not its pageInfo or totalCount", () => {
    // cases 1 + totalCount 1 + pageInfo (1 + 1) + edges (1 + 100 × (node 1 + id 1))
    expect(measure('{ cases(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id } } } }').cost).toBe(205);
  });

  it("uses the schema's default page size, else 10, when first/last is left out", () => {
    // Customer.cases(first: Int = 20)
    expect(measure('{ customer(id: "c") { cases { id } } }').cost).toBe(1 + 1 + 20);
    // Case.findings has no page argument at all
    expect(measure('{ case(id: "c") { findings { rule } } }').cost).toBe(1 + 1 + 10);
  });

  it('caps a page size, and counts a variable page size at the cap whatever its default', () => {
    const capped = 1 + 1 + MAX_LIST_SIZE * 2;
    expect(measure('{ cases(first: 100000) { edges { node { id } } } }').cost).toBe(capped);
    expect(measure('query($n: Int) { cases(first: $n) { edges { node { id } } } }').cost).toBe(capped);
    // The request can send n: 200 however small the default is.
    expect(measure('query($n: Int = 5) { cases(first: $n) { edges { node { id } } } }').cost).toBe(capped);
  });

  it("lets the review console's queue through and refuses a crawl of every case's customer history", () => {
    expect(measure(REVIEW_QUEUE).cost).toBeLessThanOrEqual(MAX_COST);
    const crawl = '{ cases(first: 200) { edges { node { customer { cases { id } history(last: 50) { body } } } } } }';
    const errors = validate(schema, parse(crawl), [costLimitRule(MAX_COST)]);
    // cases 1 + edges (1 + 200 × (node 1 + customer (1 + cases 21 + history 51)))
    expect(errors.map((e) => e.message)).toEqual(['query cost 14802 exceeds the limit of 5000']);
    expect(errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('prices introspection in production, where a nested __type walk multiplies like any list', () => {
    const walk = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
    expect(measure(walk).cost).toBeGreaterThan(MAX_COST);
    expect(measure(walk, { ignoreIntrospection: true }).cost).toBe(0);
  });

  it('measures a chain of fragments each spread twice, without walking every copy', () => {
    const levels = 25;
    const fragments = Array.from({ length: levels }, (_, i) =>
      `fragment F${i} on User { ${i === levels - 1 ? 'id' : `...F${i + 1} again: email ...F${i + 1}`} }`).join('\n');
    const { aliases } = measure(`query { me { ...F0 } } ${fragments}`);
    // One alias per level, counted at each of the 2^i spreads that reach it.
    expect(aliases).toBe(2 ** (levels - 1) - 1);
  });
});

describe('variables depth', () => {
  it('measures how deeply JSON nests, and copes with nesting that would overflow a recursive walk', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({ id: 'x' })).toBe(1);
    expect(jsonDepth({ filter: { stages: ['SENT'] } })).toBe(3);
    expect(jsonDepth(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(100_000);
  });
});

describe('field suggestions', () => {
  it('cuts every kind of graphql-js suggestion and keeps the rest of the message', () => {
    expect(withoutSuggestions('Cannot query field "emial" on type "User". Did you mean "email"?')).toBe('Cannot query field "emial" on type "User".');
    expect(withoutSuggestions('Unknown argument "frist" on field "Query.cases". Did you mean "first", "after", or "filter"?'))
      .toBe('Unknown argument "frist" on field "Query.cases".');
    expect(withoutSuggestions('Value "SNET" does not exist in "CaseStage" enum. Did you mean the enum value "SENT"?'))
      .toBe('Value "SNET" does not exist in "CaseStage" enum.');
    expect(withoutSuggestions('Syntax Error: Expected Name, found "}".')).toBe('Syntax Error: Expected Name, found "}".');
  });
});

describe('the hardening plugin in Yoga', () => {
  function yogaFor(production: boolean) {
    const resolvers = { Query: { me: () => ({ id: '1', email: 'a@example.com', role: 'REVIEWER', disabled: false, createdAt: '' }) } };
    return createYoga({ schema: createSchema({ typeDefs, resolvers }), plugins: [useGraphQLHardening({ production })], logging: false });
  }
  async function post(production: boolean, query: string, variables: unknown = {}) {
    const response = await yogaFor(production).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  }

  it('in production, answers a misspelt field without suggesting the real one', async () => {
    const { body } = await post(true, '{ me { emial } }');
    expect(body.errors?.[0]?.message).toBe('Cannot query field "emial" on type "User".');
  });

  it('in production, suggests nothing for a misspelt enum value in variables either', async () => {
    const { body } = await post(true, 'query($s: CaseStage) { cases(stage: $s) { totalCount } }', { s: 'SNET' });
    expect(body.errors?.[0]?.message).toMatch(/"SNET" does not exist in "CaseStage" enum\.$/);
  });

  it('in development, keeps the suggestion', async () => {
    const { body } = await post(false, '{ me { emial } }');
    expect(body.errors?.[0]?.message).toBe('Cannot query field "emial" on type "User". Did you mean "email"?');
  });

  it('in production, refuses the full introspection query GraphiQL would send; in development it answers it', async () => {
    const production = await post(true, getIntrospectionQuery());
    expect(production.body.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
    const development = await post(false, getIntrospectionQuery());
    expect(development.body.errors).toBeUndefined();
  });

  it('refuses a document past the token limit with QUERY_TOO_COMPLEX', async () => {
    const { body } = await post(false, `{ ${'__typename '.repeat(6_000)}}`);
    expect(body.errors).toEqual([expect.objectContaining({ message: 'query has more than 5000 tokens, the limit; parsing stopped there', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it('refuses over-nested variables with 400 BAD_INPUT and runs nothing', async () => {
    const nested = JSON.parse('{"a":'.repeat(MAX_VARIABLES_DEPTH + 10) + '1' + '}'.repeat(MAX_VARIABLES_DEPTH + 10));
    const { status, body } = await post(false, '{ me { id } }', nested);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'variables nest 60 levels deep, more than the limit of 50', extensions: { code: 'BAD_INPUT' } })]);
  });
});
