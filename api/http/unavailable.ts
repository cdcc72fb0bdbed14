// A request that fails because Temporal or PostgreSQL is unreachable is not the caller's fault and not a bug:
// it gets 503 with Retry-After, so Twilio, browsers and load balancers retry instead of giving up.
import { ServiceError } from '@temporalio/client';

export const RETRY_AFTER_SECONDS = 5;

/** What the caller reads: which part is away, and that trying again is safe (webhooks and decisions are idempotent). */
export function unavailableMessage(service: string): string {
  return `${service} is unreachable right now. Please try again in a few seconds; trying again is safe.`;
}

// gRPC status codes (grpc/status.proto): the server did not answer, or not in time.
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Socket-level failures of the database driver, and PostgreSQL shutting down or refusing connections. */
const PG_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

export function unavailableService(error: unknown): 'Temporal' | 'the database' | null {
  if (error instanceof ServiceError) {
    const code = (error.cause as { code?: number } | undefined)?.code;
    if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return 'Temporal';
  }
  for (let cause = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 5; cause = cause.cause as typeof cause, depth++) {
    if (typeof cause.code === 'string' && PG_UNAVAILABLE_CODES.has(cause.code)) return 'the database';
    if (typeof cause.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/.test(cause.message)) return 'the database';
  }
  return null;
}
