// Every GraphQL document the console sends, checked against the API's schema: a renamed field or argument
// fails here, in `npm test`, instead of in a reviewer's browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync('api/graphql/schema.graphql', 'utf8'));
const files = readdirSync('ui/src', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.graphql.ts'))
  .map((file) => path.join('ui/src', file));

async function documentsIn(file: string): Promise<[string, string][]> {
  const module = await import(pathToFileURL(path.resolve(file)).href) as Record<string, unknown>;
  // graphql-codegen's typed documents are String objects carrying the operation and the fragments it spreads.
  return Object.entries(module)
    .filter(([, value]) => typeof value === 'string' || value instanceof String)
    .map(([name, value]): [string, string] => [name, String(value)])
    .filter(([, source]) => /^\s*(query|mutation|subscription)\b/.test(source));
}

describe('console GraphQL documents', () => {
  it('finds the console\'s documents', async () => {
    const all = (await Promise.all(files.map(documentsIn))).flat();
    // Sign-in, the queue, the case page, settings and the reply check at least.
    expect(all.map(([name]) => name)).toEqual(expect.arrayContaining(['ME_QUERY', 'SETTINGS_QUERY', 'CHECK_REPLY_QUERY', 'BRANDING_QUERY']));
  });

  it.each(files)('%s: every document is valid against the schema', async (file) => {
    const documents = await documentsIn(file);
    expect(documents.length).toBeGreaterThan(0);
    for (const [name, source] of documents) {
      const errors = validate(schema, parse(source)).map((error) => error.message);
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });
});
