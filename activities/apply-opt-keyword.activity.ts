import type { BlockedReason } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';

// STOP marks the customer (every channel: one customer, one consent), START clears it, HELP changes nothing.
// Idempotent: a repeated STOP keeps the first opt-out time.
const APPLY_SQL = `
  update customers set opted_out_at = case ? when 'opt_out' then coalesce(opted_out_at, now()) when 'opt_in' then null else opted_out_at end
  where id = (select customer_id from cases where id = ?)`;

export function applyOptKeywordActivity({ orm }: ActivityDeps) {
  return async function applyOptKeyword({ caseId, keyword }: { caseId: string; keyword: BlockedReason }): Promise<void> {
    await orm.em.fork().execute(APPLY_SQL, [keyword, caseId]);
  };
}
