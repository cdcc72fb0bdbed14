// Pure rules for a sent reply's delivery: how provider reports about its parts add up. No I/O: the
// workflow runs it, unit tests call it directly.
import type { DeliveryReport, DeliveryState, DeliveryStatus } from './case.js';

/** How far a message got; a late or repeated callback never moves a message back. */
export const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  queued: 0, sending: 1, sent: 2, delivered: 3, read: 4, undelivered: 5, failed: 5,
};

export const FAILED_DELIVERY: readonly DeliveryStatus[] = ['failed', 'undelivered'];

/** After this many replies that did not reach the customer, the case fails instead of asking again. */
export const MAX_SEND_ATTEMPTS = 3;

/** The reply's state after one more report about one of its parts; reports about other messages change nothing. */
export function applyDeliveryReport(delivery: DeliveryState, perPart: Map<string, DeliveryReport>, report: DeliveryReport): DeliveryState {
  if (!delivery.providerMessageIds.includes(report.providerMessageId) || !(report.status in DELIVERY_RANK)) return delivery;
  const known = perPart.get(report.providerMessageId);
  if (known && DELIVERY_RANK[known.status] >= DELIVERY_RANK[report.status]) return delivery;
  perPart.set(report.providerMessageId, report);
  const reports = delivery.providerMessageIds.map((id) => perPart.get(id));
  const failed = reports.find((r) => r && FAILED_DELIVERY.includes(r.status));
  if (failed) {
    return { ...delivery, status: failed.status, errorCode: failed.errorCode ?? null, errorMessage: failed.errorMessage ?? null };
  }
  // The reply is as far as its least advanced part.
  const least = Math.min(...reports.map((r) => (r ? DELIVERY_RANK[r.status] : DELIVERY_RANK[delivery.status])));
  const status = (Object.keys(DELIVERY_RANK) as DeliveryStatus[]).find((s) => DELIVERY_RANK[s] === least) ?? delivery.status;
  return { ...delivery, status };
}

/** Whether the workflow can stop waiting for reports: every part arrived, or one failed. */
export function deliverySettled(delivery: DeliveryState): boolean {
  return DELIVERY_RANK[delivery.status] >= DELIVERY_RANK.delivered;
}

/** What a reviewer reads when a reply did not arrive. */
export function describeDeliveryFailure(delivery: DeliveryState): string {
  const code = delivery.errorCode ? ` (Twilio error ${delivery.errorCode})` : '';
  return `The reply was ${delivery.status}${code}: ${delivery.errorMessage ?? 'the provider gave no reason'}`;
}
