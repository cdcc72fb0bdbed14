// What an unexpected error becomes for the client. Most are masked as "Unexpected error." (a bug, logged), but
// two kinds are not the server's fault and say so:
// - Temporal or PostgreSQL unreachable (api/http/unavailable.ts): SERVICE_UNAVAILABLE, HTTP 503, Retry-After;
// - a value PostgreSQL cannot take as text or as its column's type (a NUL character in an id, a malformed
//   UUID that slipped past a resolver): BAD_INPUT. Found by fuzzing the schema (schemathesis).
import { createGraphQLError, maskError, type YogaServerOptions } from 'graphql-yoga';
import { RETRY_AFTER_SECONDS, unavailableMessage, unavailableService } from '../http/unavailable.js';

type MaskErrorFn = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * SQLSTATEs of values the database refuses as given: untranslatable characters, text not of the column's
 * type, and 08P01, which is how a NUL character in a query parameter comes back (the driver sends parameters
 * as C strings, so the message arrives malformed).
 */
const PG_BAD_VALUE_CODES = new Set(['08P01', '22021', '22P05', '22P02', '22007', '22008', '22003']);

function isBadValue(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 5; cause = cause.cause as typeof cause, depth++) {
    if (typeof cause.code === 'string' && PG_BAD_VALUE_CODES.has(cause.code)) return true;
  }
  return false;
}

export const maskKnownErrors: MaskErrorFn = (error, message, isDev) => {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  const service = unavailableService(original);
  if (service) {
    return createGraphQLError(unavailableMessage(service), {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } },
    });
  }
  if (isBadValue(original)) {
    return createGraphQLError('an argument holds a value that cannot be used here (for example a NUL character, or text where a number or id belongs)', {
      extensions: { code: 'BAD_INPUT' },
    });
  }
  return maskError(error, message, isDev);
};
