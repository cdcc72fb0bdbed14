// Built with Yoga's own helper rather than `new GraphQLError`: under ESM + CJS, `graphql` can load twice,
// and an error from the other copy would fail Yoga's instanceof check and be masked as "Unexpected error.".
import { createGraphQLError } from 'graphql-yoga';
import type { ErrorCode } from './generated/resolvers-types.js';

// The codes are the schema's ErrorCode enum: the console's list is generated from the same enum.
export type { ErrorCode };

/** An expected error the client should act on; unexpected errors are masked by Yoga. */
export function codedError(code: ErrorCode, message: string, httpStatus?: number, extensions: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
}
