import { createSchema, createYoga } from 'graphql-yoga';
import { readFileSync } from 'node:fs';
import type { ApiDeps } from '../deps.js';
import { maskKnownErrors } from './masked-errors.js';
import { buildContext, type AppContext, type GraphQLContext, type ServerContext } from './context.js';
import { useGraphQLHardening } from './hardening/graphql-hardening.plugin.js';
import { MAX_BODY_BYTES } from './hardening/limits.js';
import { useErrorCodes } from './error-codes.plugin.js';
import { resolvers } from './resolvers/index.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export function buildYoga(deps: ApiDeps) {
  // Read when the server is built: production hides field suggestions and GraphiQL.
  const production = process.env.NODE_ENV === 'production';
  return createYoga<ServerContext, AppContext>({
    graphqlEndpoint: '/graphql',
    schema: createSchema<GraphQLContext>({
      typeDefs,
      resolvers,
    }),
    context: (initial) => buildContext(deps, initial),
    // Unexpected errors reach the client as "Unexpected error." — never a stack trace, whatever NODE_ENV says
    // (Yoga would add the original error and its stack under NODE_ENV=development).
    maskedErrors: { isDev: false, maskError: maskKnownErrors },
    graphiql: production ? false : { title: 'Countersign GraphQL' },
    plugins: [useGraphQLHardening({ production }), useErrorCodes()],
    // api/app.ts refuses larger bodies first, with a plain 413; this covers Yoga served without Koa (yoga.fetch).
    maxRequestBodySize: MAX_BODY_BYTES,
    logging: false,
  });
}
