import { WorkflowNotFoundError } from '@temporalio/client';
import { advanceMessageStatus } from '../../db/message-records.js';
import type { DeliveryReport } from '../../domain/case.js';
import { deliverySignal } from '../../workflows/contract.js';
import type { ApiDeps } from '../deps.js';

export type DeliveryOutcome = 'recorded' | 'stale' | 'unknown_message';

const SETTLING: readonly DeliveryReport['status'][] = ['delivered', 'failed', 'undelivered'];

/**
 * Stores a provider status callback on the outbound message and relays it to the case's workflow, which
 * decides what a failure means. `caseId` comes from the callback URL the send activity gave Twilio, so a
 * callback that overtakes the message's own record still reaches its case.
 */
export async function recordDeliveryStatus(deps: ApiDeps, report: DeliveryReport, caseIdHint?: string): Promise<DeliveryOutcome> {
  const rows = await advanceMessageStatus(deps.orm.em.fork(), report);
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
