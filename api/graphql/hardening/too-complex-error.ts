// Built with Yoga's helper, as api/graphql/errors.ts explains: an error from a second copy of `graphql`
// would fail Yoga's instanceof check and reach the client masked as "Unexpected error.".
import type { ASTNode } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { TOO_COMPLEX } from './limits.js';

/** A refusal the client can act on by asking for less; the message names the limit and what was measured. */
export function tooComplexError(message: string, nodes?: ASTNode | readonly ASTNode[]) {
  return createGraphQLError(message, { nodes, extensions: { code: TOO_COMPLEX } });
}
