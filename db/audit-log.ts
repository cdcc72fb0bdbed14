// Reading the append-only audit log (audit_events) for what it counts besides a case's history: failed
// sign-ins, which throttle the next ones (auth/login-throttle.ts).
import type { EntityManager } from '@mikro-orm/postgresql';

const LOGIN_FAILURES_SQL = `
  select
    count(*) filter (where actor = ?)::int as account_failures,
    min(created_at) filter (where actor = ?) as account_oldest,
    count(*) filter (where detail->>'ip' = ?)::int as address_failures,
    min(created_at) filter (where detail->>'ip' = ?) as address_oldest
  from audit_events
  where type = 'login_failed' and created_at > now() - make_interval(secs => ?)
    and (actor = ? or detail->>'ip' = ?)`;

export interface LoginFailures {
  account_failures: number;
  account_oldest: Date | null;
  address_failures: number;
  address_oldest: Date | null;
}

/** Failed sign-ins in the last `windowSeconds` for the account `email` and from the address `ip`, and the oldest of each. */
export async function loginFailures(em: EntityManager, email: string, ip: string, windowSeconds: number): Promise<LoginFailures | undefined> {
  const [row] = await em.getConnection().execute<LoginFailures[]>(LOGIN_FAILURES_SQL, [email, email, ip, ip, windowSeconds, email, ip]);
  return row;
}
