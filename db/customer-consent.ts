// Whether a customer may be messaged (customers.opted_out_at), found from one of their cases. One customer,
// one consent, whichever channel the keyword or the carrier's refusal came on.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BlockedReason } from '../domain/case.js';

// STOP marks the customer, START clears it, HELP changes nothing. Idempotent: a repeated STOP keeps the first
// opt-out time.
const APPLY_KEYWORD_SQL = `
  update customers set opted_out_at = case ? when 'opt_out' then coalesce(opted_out_at, now()) when 'opt_in' then null else opted_out_at end
  where id = (select customer_id from cases where id = ?)`;

/** A carrier keyword the case's message was (activities/apply-opt-keyword.activity.ts). */
export async function applyOptKeyword(em: EntityManager, caseId: string, keyword: BlockedReason): Promise<void> {
  await em.execute(APPLY_KEYWORD_SQL, [keyword, caseId]);
}

const MARK_OPTED_OUT_SQL = `update customers set opted_out_at = coalesce(opted_out_at, now())
  where id = (select v.customer_id from cases c join conversations v on v.id = c.conversation_id where c.id = ?)`;

/** The carrier refused the case's reply because the customer unsubscribed with it: we record it too (activities/send-reply.activity.ts). */
export async function markOptedOut(em: EntityManager, caseId: string): Promise<void> {
  await em.execute(MARK_OPTED_OUT_SQL, [caseId]);
}
