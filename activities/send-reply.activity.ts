import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { formatReply } from '../channels/format/channel-format.js';
import { ProviderRefusal, type OutboundReply, type SentReply } from '../channels/reply-sender.js';
import { markOptedOut } from '../db/customer-consent.js';
import { claimSend, recordSentPart } from '../db/send-ledger.js';
import { findPii, redactWithTokens, restoreTokens } from '../guardrails/pii.js';
import { WHATSAPP_WINDOW_MS } from '../domain/policy.js';
import type { DeliveryStatus } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';

export interface SendReplyInput {
  caseId: string;
  text: string;
  /** 1 for the case's first reply; a reply sent again after a failed delivery is attempt 2, 3… */
  attempt?: number;
}

export type NotSentReason = 'opted_out' | 'whatsapp_window_closed' | 'provider_refused';

export type SendOutcome =
  | { outcome: 'sent'; providerMessageId: string; providerMessageIds: string[]; status: DeliveryStatus }
  | { outcome: 'not_sent'; providerMessageId: null; reason: NotSentReason; message: string };

const NOT_SENT_MESSAGES: Record<NotSentReason, string> = {
  opted_out: 'The customer opted out (STOP): nothing is sent to them until they write START.',
  whatsapp_window_closed:
    'Outside WhatsApp\'s 24-hour customer service window: a free-form reply is refused; an approved template message is needed.',
  provider_refused: 'Twilio refused the message',
};

/** Twilio's "unsubscribed recipient": the customer opted out with the carrier; we record it too. */
const UNSUBSCRIBED = '21610';

/**
 * Sends the case's reply, split into the parts its channel carries. The ledger row is committed before the
 * provider is called and advanced after each accepted part; a retry resumes after the last recorded part and
 * first asks the provider whether the part in doubt got through, so a worker dying between the provider's
 * acceptance and the record never sends a part twice.
 */
export function sendReplyActivity({ orm, sender }: ActivityDeps) {
  return async function sendReply({ caseId, text, attempt = 1 }: SendReplyInput): Promise<SendOutcome> {
    const em = orm.em.fork();
    const target = await claimSend(em, { caseId, attempt, body: text, whatsappWindowSeconds: WHATSAPP_WINDOW_MS / 1000 });
    if (!target) throw new Error(`no case ${caseId} in the read model`);
    if (!target.status) {
      if (target.opted_out) return notSent('opted_out');
      if (target.window_closed) return notSent('whatsapp_window_closed');
      throw new Error(`case ${caseId}: another attempt is claiming the send; retrying`);
    }
    if (target.status === 'accepted') {
      // Done by an earlier try whose completion was lost: answer from the ledger, whatever the text.
      return { outcome: 'sent', providerMessageId: target.sent_ids[0]!, providerMessageIds: target.sent_ids, status: 'queued' };
    }
    if (target.body !== text) {
      throw ApplicationFailure.nonRetryable(`case ${caseId} already started sending a different reply`, 'SendConflict');
    }
    // The drafter wrote the customer's own PII as tokens (⟨EMAIL_1⟩); the customer gets their real values.
    const body = restoreTokens(text, redactWithTokens(target.inbound_text, findPii(target.inbound_text)).values);
    const { parts } = formatReply(target.channel, body);
    const ids = [...target.sent_ids];
    let status: DeliveryStatus = 'queued';
    for (let index = target.parts_sent ?? 0; index < parts.length; index++) {
      const reply: OutboundReply = { caseId, channel: target.channel, to: target.customer_address, from: target.business_address, body: parts[index]! };
      // Only the first part this try sends can be in doubt: an earlier try may have died right after it.
      const inDoubt = index === target.parts_sent && !target.claimed;
      const earlier = inDoubt ? await sender.findSent(reply, new Date(target.created_ms! - 60_000)) : null;
      let sent: SentReply;
      try {
        sent = earlier ?? await sender.send(reply);
      } catch (error) {
        if (!(error instanceof ProviderRefusal)) throw error;
        if (error.code === UNSUBSCRIBED) await markOptedOut(em, caseId);
        const part = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : '';
        return notSent('provider_refused', `Twilio refused the message${part}: error ${error.code}, ${error.message}`);
      }
      const recorded = await recordSentPart(em, {
        caseId, attempt, index, last: index + 1 === parts.length, messageId: randomUUID(), conversationId: target.conversation_id,
        channel: target.channel, providerMessageId: sent.providerMessageId, body: parts[index]!, status: sent.status,
      });
      if (!recorded) throw new Error(`case ${caseId}: the send ledger moved under this attempt; retrying`);
      ids.push(sent.providerMessageId);
      status = sent.status as DeliveryStatus;
    }
    if (!ids.length) throw ApplicationFailure.nonRetryable(`case ${caseId}: the reply is empty`, 'EmptyReply');
    return { outcome: 'sent', providerMessageId: ids[0]!, providerMessageIds: ids, status };
  };
}

function notSent(reason: NotSentReason, message = NOT_SENT_MESSAGES[reason]): SendOutcome {
  return { outcome: 'not_sent', providerMessageId: null, reason, message };
}
