// Sign-in throttling, counted from the audit log itself: every API instance sees the same failures, and the
// counts survive restarts, with no extra table. Comes from api/graphql/resolvers/session.resolvers.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { loginFailures } from '../db/audit-log.js';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures per account in the window before that account is refused (also for the right password). */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures from one address in the window, across accounts: slows password spraying. */
export const ADDRESS_FAILURE_LIMIT = 20;

export interface Throttled {
  retryAfterSeconds: number;
  scope: 'account' | 'address';
}

/** Whether a sign-in for `email` from `ip` must wait, and for how long. */
export async function loginThrottle(em: EntityManager, email: string, ip: string): Promise<Throttled | null> {
  const row = await loginFailures(em, email, ip, THROTTLE_WINDOW_MS / 1000);
  if (!row) return null;
  const waitFrom = (oldest: Date | null) => Math.max(1, Math.ceil((new Date(oldest ?? Date.now()).getTime() + THROTTLE_WINDOW_MS - Date.now()) / 1000));
  if (row.account_failures >= ACCOUNT_FAILURE_LIMIT) return { retryAfterSeconds: waitFrom(row.account_oldest), scope: 'account' };
  if (row.address_failures >= ADDRESS_FAILURE_LIMIT) return { retryAfterSeconds: waitFrom(row.address_oldest), scope: 'address' };
  return null;
}
