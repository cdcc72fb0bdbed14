// Built with Yoga's own helper rather than `new GraphQLError`: under ESM + CJS, `graphql` can load twice,
// and an error from the other copy would fail Yoga's instanceof check and be masked as "Unexpected error.".
import { createGraphQLError } from 'graphql-yoga';

export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'NOT_AWAITING_REVIEW' | 'BAD_INPUT' | 'CLAIMED_BY_OTHER' | 'OUTBOUND_BLOCKED'
  | 'TOO_MANY_ATTEMPTS' | 'QUERY_TOO_COMPLEX' | 'CSRF_CHECK_FAILED';

/** An expected error the client should act on; unexpected errors are masked by Yoga. */
export function codedError(code: ErrorCode, message: string, httpStatus?: number, extensions: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
}
