// Case events travel through PostgreSQL NOTIFY so that every API instance, whichever worker wrote the
// change, streams them to its subscribers. Sent inside the writing transaction: no event for a rolled-back
// change, and none lost for a committed one while listeners are connected.
import type { EntityManager } from '@mikro-orm/postgresql';

export const CASE_EVENTS_CHANNEL = 'case_events';

export interface CaseEvent {
  caseId: string;
  type: string;
  stage: string;
  at: string;
}

/**
 * `em` must be the transaction's entity manager: `em.execute` runs on the transaction's connection.
 * (`em.getConnection().execute` would take a second pooled connection per open transaction, and a full
 * pool of open transactions would then wait on each other forever.)
 */
export async function notifyCaseEvent(em: EntityManager, event: CaseEvent): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [CASE_EVENTS_CHANNEL, JSON.stringify(event)]);
}
