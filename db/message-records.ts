// Reading and updating messages within their conversations (the messages and conversations tables), for the
// drafter's view of a customer's past, the web chat's thread and the provider's delivery reports.
import type { EntityManager } from '@mikro-orm/postgresql';
import { TERMINAL_STAGES, type DeliveryReport } from '../domain/case.js';
import { DELIVERY_RANK } from '../domain/delivery.js';
import { CASE_EVENTS_CHANNEL } from './case-events.js';

// The customer's latest messages on every channel (one customer, many channels), before this case's own.
// A web chat visitor is only who they say they are: an email typed into the chat links them to a customer
// for reviewers to see, but the drafter reads that customer's other channels only once a supervisor has
// vouched for the visitor (linked or merged them), so a stranger typing someone's email learns nothing.
const HISTORY_BEFORE_CASE_SQL = `
  with self as (
    select c.customer_id, c.conversation_id, c.channel,
      c.channel <> 'webchat' or exists (
        select 1 from customer_identities i join conversations v on v.id = c.conversation_id
        where i.channel = 'webchat' and i.address = v.customer_address and i.linked_by not in ('auto', 'visitor')
      ) as vouched
    from cases c where c.id = ?
  )
  select * from (
    select m.channel, m.direction, m.body, m.created_at from messages m join conversations v on v.id = m.conversation_id, self s
    where v.customer_id = s.customer_id and (s.vouched or v.id = s.conversation_id)
      and m.case_id <> all(?::varchar[]) and m.created_at <= ?
    order by m.created_at desc, m.part desc limit ?
  ) recent order by created_at`;

export interface HistoryLineRow {
  channel: string;
  direction: string;
  body: string;
  created_at: string;
}

/** The last `limit` messages the drafter may read before `before`, oldest first, leaving out the cases it answers. */
export function historyBeforeCase(
  em: EntityManager, caseId: string, answeredCaseIds: string[], before: Date, limit: number,
): Promise<HistoryLineRow[]> {
  return em.execute<HistoryLineRow[]>(HISTORY_BEFORE_CASE_SQL, [
    caseId, `{${answeredCaseIds.map((id) => `"${id}"`).join(',')}}`, before, limit,
  ]);
}

const OPEN = `c.stage not in (${TERMINAL_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

const WEBCHAT_THREAD_SQL = `
  with conversation as (
    select id from conversations where channel = 'webchat' and customer_address = ? and business_address = ?
  )
  select
    coalesce((select json_agg(m order by m.created_at, m.part) from (
      select id, direction, body, created_at, part from messages where conversation_id = (select id from conversation)
      order by created_at desc, part desc limit 100
    ) m), '[]') as messages,
    exists (select 1 from cases c where c.conversation_id = (select id from conversation) and ${OPEN}) as typing,
    (select id from conversation) as conversation_id`;

export interface WebchatThreadRow {
  messages: { id: string; direction: 'inbound' | 'outbound'; body: string; created_at: string }[];
  /** A case of the conversation is still open. */
  typing: boolean;
  conversation_id: string | null;
}

/** A web chat visitor's conversation: its last 100 messages, oldest first, and whether a case of it is open. */
export async function webchatThread(em: EntityManager, visitorId: string, businessAddress: string): Promise<WebchatThreadRow | undefined> {
  const [row] = await em.getConnection().execute<WebchatThreadRow[]>(WEBCHAT_THREAD_SQL, [visitorId, businessAddress]);
  return row;
}

const rankOf = (column: string) =>
  `case ${column} ${Object.entries(DELIVERY_RANK).map(([status, rank]) => `when '${status}' then ${rank}`).join(' ')} else -1 end`;

// Callbacks arrive out of order and more than once; a message's status only ever moves forward. The
// leading `channel in (…)` lets the lookup use the messages' unique (channel, direction, id) index. A change
// is announced as a case event in the same statement, so an open case page shows it at once.
const ADVANCE_STATUS_SQL = `
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

/** Moves the reported outbound message's status forward; answers the cases whose message changed (none for a stale report). */
export function advanceMessageStatus(em: EntityManager, report: DeliveryReport): Promise<{ case_id: string }[]> {
  return em.execute<{ case_id: string }[]>(ADVANCE_STATUS_SQL, [report.status, report.errorCode ?? null, report.providerMessageId, report.status]);
}
