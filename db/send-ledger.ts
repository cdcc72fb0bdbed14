// A case's reply on its way out (the send_ledger table, with the outbound messages it stores): what the
// sendReply activity (activities/send-reply.activity.ts) claims before calling the provider and advances
// after each part the provider accepted.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Channel } from '../domain/case.js';
import { CONVERSATION_MESSAGES_CHANNEL } from './conversation-events.js';

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

export interface SendClaim {
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

/** Claims the send of `body` as the case's attempt `attempt`, or reads the claim an earlier try made; none when there is no such case. */
export async function claimSend(
  em: EntityManager, send: { caseId: string; attempt: number; body: string; whatsappWindowSeconds: number },
): Promise<SendClaim | undefined> {
  const [claim] = await em.execute<SendClaim[]>(CLAIM_SEND_SQL, [send.whatsappWindowSeconds, send.caseId, send.attempt, send.body, send.attempt]);
  return claim;
}

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

export interface SentPart {
  caseId: string;
  attempt: number;
  /** 0-based; the ledger advances only from this many parts sent, so a concurrent attempt records nothing. */
  index: number;
  last: boolean;
  messageId: string;
  conversationId: string;
  channel: Channel;
  providerMessageId: string;
  body: string;
  status: string;
}

/** Records a part the provider accepted; false when the ledger moved under this attempt. */
export async function recordSentPart(em: EntityManager, part: SentPart): Promise<boolean> {
  const recorded = await em.execute(RECORD_PART_SQL, [
    part.index + 1, part.last, part.providerMessageId, part.caseId, part.attempt, part.index,
    part.messageId, part.conversationId, part.channel, part.providerMessageId, part.body, part.status, part.index + 1,
    part.conversationId,
  ]);
  return recorded.length === 1;
}
