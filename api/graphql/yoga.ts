import { createSchema, createYoga } from 'graphql-yoga';
import { readFileSync } from 'node:fs';
import type { ApiDeps } from '../deps.js';
import { buildContext, type AppContext, type GraphQLContext } from './context.js';
import { auditResolvers } from './resolvers/audit.resolvers.js';
import { authResolvers } from './resolvers/auth.resolvers.js';
import { caseEventsResolvers } from './resolvers/case-events.resolvers.js';
import { casesResolvers } from './resolvers/cases.resolvers.js';
import { customersResolvers } from './resolvers/customers.resolvers.js';
import { dashboardResolvers } from './resolvers/dashboard.resolvers.js';
import { decideResolvers } from './resolvers/decide.resolvers.js';
import { guardrailsResolvers } from './resolvers/guardrails.resolvers.js';
import { handsetResolvers } from './resolvers/handset.resolvers.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export function buildYoga(deps: ApiDeps) {
  return createYoga<{}, AppContext>({
    graphqlEndpoint: '/graphql',
    schema: createSchema<GraphQLContext>({
      typeDefs,
      resolvers: [authResolvers, casesResolvers, decideResolvers, caseEventsResolvers, guardrailsResolvers, customersResolvers, handsetResolvers, dashboardResolvers, auditResolvers],
    }),
    context: (initial) => buildContext(deps, initial),
    // Unexpected errors reach the client as "Unexpected error." — never a stack trace.
    maskedErrors: true,
    graphiql: { title: 'Countersign GraphQL' },
    logging: false,
  });
}
