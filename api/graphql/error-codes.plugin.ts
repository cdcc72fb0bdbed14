// Every error a client gets carries extensions.code, including the ones graphql-js raises itself before our
// resolvers run: a variable of the wrong type (BAD_INPUT), a syntax error (GRAPHQL_PARSE_FAILED) and an
// invalid document (GRAPHQL_VALIDATION_FAILED). Scripts can then branch on the code alone.
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ErrorCode } from './errors.js';

function codeFor(error: GraphQLError): ErrorCode {
  if (/^Variable "\$/.test(error.message)) return 'BAD_INPUT';
  if (/^Syntax Error/.test(error.message)) return 'GRAPHQL_PARSE_FAILED';
  return 'GRAPHQL_VALIDATION_FAILED';
}

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code || error.path) return error;
  // Yoga raises variable errors outside execution, and they need not be this module's GraphQLError class.
  return createGraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, originalError: error.originalError,
    extensions: { ...error.extensions, code: codeFor(error) },
  });
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || Symbol.asyncIterator in result || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => withCode(error as GraphQLError)) });
    },
  };
}
