// GraphQL's side of api/http/unavailable.ts: an error caused by an unreachable Temporal or PostgreSQL reaches
// the client as SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, not as a masked "Unexpected error." 500.
import { createGraphQLError, maskError, type YogaServerOptions } from 'graphql-yoga';
import { RETRY_AFTER_SECONDS, unavailableMessage, unavailableService } from '../http/unavailable.js';

type MaskErrorFn = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

export const maskUnavailable: MaskErrorFn = (error, message, isDev) => {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  const service = unavailableService(original);
  if (!service) return maskError(error, message, isDev);
  return createGraphQLError(unavailableMessage(service), {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } },
  });
};
