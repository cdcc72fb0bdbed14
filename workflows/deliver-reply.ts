// Sending a decided reply and following it until the provider says it arrived. A reply that fails to
// arrive goes back to a human with the reason; one the send refuses (opted-out customer, closed WhatsApp
// window) ends the case with the reason. Sandbox code: called by the case workflow.
import { condition } from '@temporalio/workflow';
import { sendReply } from './case-activities.js';
import type { CaseState, DeliveryReport, Stage } from './contract.js';
import {
  FAILED_DELIVERY, MAX_SEND_ATTEMPTS, applyDeliveryReport, deliverySettled, describeDeliveryFailure,
} from './delivery-policy.js';

export interface DeliveryContext {
  state: CaseState;
  /** Every delivery report the case received so far, in arrival order (see case-handlers.ts). */
  reports: DeliveryReport[];
  deliveryTimeoutMs: number;
  enter(stage: Stage, event: string, detail?: Record<string, unknown>): Promise<void>;
  publish(event: string, detail?: Record<string, unknown>): Promise<void>;
}

/** Folds the reports about the current reply's parts into `state.delivery`; called on every report. */
export function refreshDelivery({ state, reports }: Pick<DeliveryContext, 'state' | 'reports'>): void {
  if (!state.delivery) return;
  const perPart = new Map<string, DeliveryReport>();
  let delivery = state.delivery;
  for (const report of reports) delivery = applyDeliveryReport(delivery, perPart, report);
  state.delivery = delivery;
}

/**
 * Sends `state.reply` once and waits for its delivery report. Answers `again` when it did not arrive and a
 * reviewer is to decide anew (the failed reply is offered as the draft), `done` otherwise.
 */
export async function deliverReply(ctx: DeliveryContext): Promise<'done' | 'again'> {
  const { state } = ctx;
  const attempt = state.sendAttempt ?? 1;
  const sent = await sendReply({ caseId: state.caseId, text: state.reply!, attempt });
  if (sent.outcome === 'not_sent') {
    state.deliveryError = sent.message;
    await ctx.enter('failed', 'reply_not_sent', { reason: sent.reason, attempt });
    return 'done';
  }
  state.delivery = { status: sent.status, errorCode: null, errorMessage: null, providerMessageIds: sent.providerMessageIds };
  state.deliveryError = null;
  // Callbacks may have overtaken the activity's completion.
  refreshDelivery(ctx);
  await ctx.enter('sent', 'reply_sent', { providerMessageId: sent.providerMessageId, parts: sent.providerMessageIds.length, attempt });

  const settled = await condition(() => deliverySettled(state.delivery!), ctx.deliveryTimeoutMs);
  if (!settled) {
    await ctx.publish('delivery_unconfirmed', { status: state.delivery.status });
    return 'done';
  }
  if (!FAILED_DELIVERY.includes(state.delivery.status)) {
    await ctx.publish('reply_delivered', { status: state.delivery.status });
    return 'done';
  }
  state.deliveryError = describeDeliveryFailure(state.delivery);
  const detail = { status: state.delivery.status, errorCode: state.delivery.errorCode, attempt };
  if (attempt >= MAX_SEND_ATTEMPTS) {
    await ctx.enter('failed', 'delivery_failed', detail);
    return 'done';
  }
  // Back in front of a human: the reply that failed becomes the draft to approve again, edit or reject.
  Object.assign(state, { sendAttempt: attempt + 1, draft: state.reply, reply: null, decision: null });
  await ctx.publish('delivery_failed', detail);
  return 'again';
}
