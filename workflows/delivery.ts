// Sending a decided reply and following it until the provider says it arrived. A reply that fails to
// arrive goes back to a human with the reason; one the send refuses (opted-out customer, closed WhatsApp
// window) ends the case with the reason. Sandbox code: called by the case workflow.
import { condition } from '@temporalio/workflow';
import { FAILED_DELIVERY, MAX_SEND_ATTEMPTS, deliverySettled, describeDeliveryFailure } from '../domain/delivery.js';
import type { Case } from './case.js';
import { sendReply } from './case-activities.js';

/**
 * Sends `state.reply` once and waits for its delivery report. Answers `again` when it did not arrive and a
 * reviewer is to decide anew (the failed reply is offered as the draft), `done` otherwise.
 */
export async function deliverReply(kase: Case, deliveryTimeoutMs: number): Promise<'done' | 'again'> {
  const { state } = kase;
  const attempt = state.sendAttempt ?? 1;
  const sent = await sendReply({ caseId: state.caseId, text: state.reply!, attempt });
  if (sent.outcome === 'not_sent') {
    state.deliveryError = sent.message;
    await kase.enter('failed', 'reply_not_sent', { reason: sent.reason, attempt });
    return 'done';
  }
  state.delivery = { status: sent.status, errorCode: null, errorMessage: null, providerMessageIds: sent.providerMessageIds };
  state.deliveryError = null;
  // Callbacks may have overtaken the activity's completion.
  kase.refreshDelivery();
  await kase.enter('sent', 'reply_sent', { providerMessageId: sent.providerMessageId, parts: sent.providerMessageIds.length, attempt });

  const settled = await condition(() => deliverySettled(state.delivery!), deliveryTimeoutMs);
  if (!settled) {
    await kase.publish('delivery_unconfirmed', { status: state.delivery.status });
    return 'done';
  }
  if (!FAILED_DELIVERY.includes(state.delivery.status)) {
    await kase.publish('reply_delivered', { status: state.delivery.status });
    return 'done';
  }
  state.deliveryError = describeDeliveryFailure(state.delivery);
  const detail = { status: state.delivery.status, errorCode: state.delivery.errorCode, attempt };
  if (attempt >= MAX_SEND_ATTEMPTS) {
    await kase.enter('failed', 'delivery_failed', detail);
    return 'done';
  }
  // Back in front of a human: the reply that failed becomes the draft to approve again, edit or reject.
  Object.assign(state, { sendAttempt: attempt + 1, draft: state.reply, reply: null, decision: null });
  await kase.publish('delivery_failed', detail);
  return 'again';
}
