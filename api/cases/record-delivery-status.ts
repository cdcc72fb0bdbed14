import { WorkflowNotFoundError } from '@temporalio/client';
import { CASE_EVENTS_CHANNEL } from '../../db/case-events.js';
import type { DeliveryReport } from '../../domain/case.js';
import { deliverySignal } from '../../workflows/contract.js';
import { DELIVERY_RANK } from '../../domain/delivery.js';
import type { ApiDeps } from '../deps.js';

const rankOf = (column: string) =>
  `case ${column} ${Object.entries(DELIVERY_RANK).map(([status, rank]) => `when '${status}' then ${rank}`).join(' ')} else -1 end`;

// Callbacks arrive out of order and more than once; a message's status only ever moves forward. The
// leading `channel in (…)` lets the lookup use the messages' unique (channel, direction, id) index. A change
// is announced as a case event in the same statement, so an open case page shows it at once.
const UPDATE_STATUS_SQL = `
  with updated as (
    update messages set status = ?, error_code = ?, status_updated_at = now()
    where channel in ('sms', 'whatsapp') and direction = 'outbound' and provider_message_id = ?
      and ${rankOf('status')} < ${rankOf('?::varchar')}
    returning case_id, status
  )
  select u.case_id, pg_notify('${CASE_EVENTS_CHANNEL}', json_build_object(
    'caseId', u.case_id, 'type', 'delivery_' || u.status, 'stage', c.stage, 'conversationId', c.conversation_id,
    'at', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text)
  from updated u join cases c on c.id = u.case_id`;

export type DeliveryOutcome = 'recorded' | 'stale' | 'unknown_message';

const SETTLING: readonly DeliveryReport['status'][] = ['delivered', 'failed', 'undelivered'];

/**
 * Stores a provider status callback on the outbound message and relays it to the case's workflow, which
 * decides what a failure means. `caseId` comes from the callback URL the send activity gave Twilio, so a
 * callback that overtakes the message's own record still reaches its case.
 */
export async function recordDeliveryStatus(deps: ApiDeps, report: DeliveryReport, caseIdHint?: string): Promise<DeliveryOutcome> {
  const rows = await deps.orm.em.fork().execute<{ case_id: string }[]>(UPDATE_STATUS_SQL, [
    report.status, report.errorCode ?? null, report.providerMessageId, report.status,
  ]);
  const caseId = rows[0]?.case_id ?? caseIdHint;
  if (!caseId) return 'unknown_message';
  const outcome = rows.length ? 'recorded' : 'stale';
  // Only what ends the case's wait is worth a workflow task: queued and sent change nothing it decides on,
  // and read comes after delivered, when the case has usually closed.
  if (!SETTLING.includes(report.status)) return outcome;
  try {
    await deps.temporal.workflow.getHandle(caseId).signal(deliverySignal, report);
  } catch (error) {
    // The case closed (delivered, or waited long enough): the message row keeps the news.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return outcome;
}
