// graphql-js appends "Did you mean …?" to unknown fields, arguments, types, input fields and enum values.
// In production that hands anyone who can reach /graphql a map of the schema one typo at a time.
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

// Suggestions quote GraphQL names, which cannot contain "?", so the first "?" ends the suggestion.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** The same errors, with suggestions cut from their messages; everything else about them is kept. */
export function stripSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const message = withoutSuggestions(error.message);
    if (message === error.message) return error;
    return createGraphQLError(message, {
      nodes: error.nodes, source: error.source, positions: error.positions, path: error.path,
      originalError: error.originalError, extensions: error.extensions,
    });
  });
}
