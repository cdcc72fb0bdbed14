import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { formatReply } from '../channels/format/channel-format.js';
import { ProviderRefusal, type OutboundReply, type SentReply } from '../channels/reply-sender.js';
import { CONVERSATION_MESSAGES_CHANNEL } from '../db/conversation-events.js';
import { findPii, redactWithTokens, restoreTokens } from '../guardrails/pii.js';
import { WHATSAPP_WINDOW_MS } from '../domain/policy.js';
import type { Channel, DeliveryStatus } from '../domain/case.js';
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

// Where the reply goes, whether it may go, and the attempt's ledger row: the one this call just wrote
// (`claimed`), or the one an earlier try left. One statement, committed before the provider is called. Both
// halves of the union read one snapshot, so exactly one yields a row, unless a concurrent try commits its
// row in between: then neither does, and this try fails and retries. A customer who opted out, or a
// WhatsApp conversation outside its 24-hour window, gets no claim and so no message.
const CLAIM_SEND_SQL = `
  with target as (
    select c.id as case_id, c.inbound_text, v.id as conversation_id, v.channel, v.customer_address, v.business_address,
      -- STOP is a carrier keyword: it ends SMS and WhatsApp messages, not a chat the customer is having.
      u.opted_out_at is not null and v.channel in ('sms', 'whatsapp') as opted_out,
      v.channel = 'whatsapp' and v.last_message_at < now() - make_interval(secs => ?) as window_closed
    from cases c join conversations v on v.id = c.conversation_id join customers u on u.id = v.customer_id
    where c.id = ?
  ), claimed as (
    insert into send_ledger (case_id, attempt, body, status, parts_sent, created_at, updated_at)
    select case_id, ?, ?, 'pending', 0, now(), now() from target where not opted_out and not window_closed
    on conflict (case_id, attempt) do nothing
    returning body, status, parts_sent, created_at, true as claimed
  ), ledger as (
    select * from claimed
    union all
    select body, status, parts_sent, created_at, false from send_ledger
    where case_id = (select case_id from target) and attempt = ?
  )
  select t.*, l.body, l.status, l.parts_sent, l.claimed, (extract(epoch from l.created_at) * 1000)::float8 as created_ms,
    array(
      select m.provider_message_id from messages m
      where m.case_id = t.case_id and m.direction = 'outbound' and m.created_at >= l.created_at order by m.part
    ) as sent_ids
  from target t left join ledger l on true`;

// The provider accepted one part: the ledger advances and the outbound message is stored, together; web chat
// listeners of the conversation hear of it in the same commit.
const RECORD_PART_SQL = `
  with accepted as (
    update send_ledger set parts_sent = ?, status = case when ? then 'accepted' else status end,
      provider_message_id = coalesce(provider_message_id, ?), updated_at = now()
    where case_id = ? and attempt = ? and parts_sent = ? returning case_id
  ), stored as (
    insert into messages (id, conversation_id, case_id, direction, channel, provider_message_id, body, status, status_updated_at, part, created_at)
    select ?, ?, case_id, 'outbound', ?, ?, ?, ?, now(), ?, now() from accepted
    returning id
  )
  select id, pg_notify('${CONVERSATION_MESSAGES_CHANNEL}', ?) from stored`;

interface ClaimRow {
  inbound_text: string;
  conversation_id: string;
  channel: Channel;
  customer_address: string;
  business_address: string;
  opted_out: boolean;
  window_closed: boolean;
  body: string | null;
  status: 'pending' | 'accepted' | null;
  parts_sent: number | null;
  /** Epoch milliseconds: MikroORM leaves timestamps of raw queries as PostgreSQL's text. */
  created_ms: number | null;
  claimed: boolean | null;
  sent_ids: string[];
}

const NOT_SENT_MESSAGES: Record<NotSentReason, string> = {
  opted_out: 'The customer opted out (STOP): nothing is sent to them until they write START.',
  whatsapp_window_closed:
    'Outside WhatsApp\'s 24-hour customer service window: a free-form reply is refused; an approved template message is needed.',
  provider_refused: 'Twilio refused the message',
};

/** Twilio's "unsubscribed recipient": the customer opted out with the carrier; we record it too. */
const UNSUBSCRIBED = '21610';
const MARK_OPTED_OUT_SQL = `update customers set opted_out_at = coalesce(opted_out_at, now())
  where id = (select v.customer_id from cases c join conversations v on v.id = c.conversation_id where c.id = ?)`;

/**
 * Sends the case's reply, split into the parts its channel carries. The ledger row is committed before the
 * provider is called and advanced after each accepted part; a retry resumes after the last recorded part and
 * first asks the provider whether the part in doubt got through, so a worker dying between the provider's
 * acceptance and the record never sends a part twice.
 */
export function sendReplyActivity({ orm, sender }: ActivityDeps) {
  return async function sendReply({ caseId, text, attempt = 1 }: SendReplyInput): Promise<SendOutcome> {
    const em = orm.em.fork();
    const [target] = await em.execute<ClaimRow[]>(CLAIM_SEND_SQL, [WHATSAPP_WINDOW_MS / 1000, caseId, attempt, text, attempt]);
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
        if (error.code === UNSUBSCRIBED) await em.execute(MARK_OPTED_OUT_SQL, [caseId]);
        const part = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : '';
        return notSent('provider_refused', `Twilio refused the message${part}: error ${error.code}, ${error.message}`);
      }
      const recorded = await em.execute(RECORD_PART_SQL, [
        index + 1, index + 1 === parts.length, sent.providerMessageId, caseId, attempt, index,
        randomUUID(), target.conversation_id, target.channel, sent.providerMessageId, parts[index], sent.status, index + 1,
        target.conversation_id,
      ]);
      if (recorded.length !== 1) throw new Error(`case ${caseId}: the send ledger moved under this attempt; retrying`);
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
