// A message arriving (customers, their identities, conversations, messages and the case row), filed by the
// recordInbound activity (activities/record-inbound.activity.ts) in one statement.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { UNDECIDED_STAGES, type InboundMessage } from '../domain/case.js';

// One statement: it runs for every case on the worker's hot path, where each round trip to PostgreSQL costs
// more than the SQL. Every write is guarded by "no case row yet", so a retry after a commit whose answer
// was lost writes nothing and reads back what the first attempt stored. The CTEs see one snapshot, so the
// rows created here are carried forward through `target`, never re-read. Foreign keys are checked at the
// end of the statement, so a new customer and its conversation can be inserted side by side.
// Two first messages from one new address race on the conversation's unique key; the loser fails and its
// retry finds the winner's conversation.
const RECORD_INBOUND_SQL = `
  with input as (
    select ?::varchar as case_id, ?::varchar as channel, ?::varchar as customer_address, ?::varchar as business_address,
      ?::varchar as address, ?::varchar as provider_message_id, ?::text as body, ?::timestamptz as received_at,
      ?::uuid as new_customer_id, ?::uuid as new_identity_id, ?::uuid as new_conversation_id, ?::uuid as new_message_id,
      ?::jsonb as attachments, nullif(?::varchar, '') as profile_name, lower(nullif(?::varchar, '')) as email,
      ?::uuid as new_email_identity_id
  ), existing as (
    select c.customer_id, c.conversation_id, c.inbound_message_id, c.created_at from cases c join input i on c.id = i.case_id
  ), conversation as (
    select c.id, c.customer_id from conversations c join input i
      on c.channel = i.channel and c.customer_address = i.customer_address and c.business_address = i.business_address
  ), known_identity as (
    select ci.customer_id, ci.channel = i.channel as same_channel from customer_identities ci join input i on ci.address = i.address
    order by same_channel desc, ci.created_at limit 1
  ), known_email as (
    select ci.customer_id from customer_identities ci join input i on ci.channel = 'email' and ci.address = i.email
  ), target as (
    select
      coalesce((select customer_id from conversation), (select customer_id from known_identity),
        (select customer_id from known_email), i.new_customer_id) as customer_id,
      coalesce((select id from conversation), i.new_conversation_id) as conversation_id,
      not exists (select 1 from conversation) as new_conversation
    from input i where not exists (select 1 from existing)
  ), new_customer as (
    insert into customers (id, display_name, created_at)
    select t.customer_id, i.profile_name, now() from target t join input i on t.customer_id = i.new_customer_id
  ), named_customer as (
    update customers u set display_name = i.profile_name from target t, input i
    where u.id = t.customer_id and t.customer_id <> i.new_customer_id and u.display_name is null and i.profile_name is not null
  ), new_email_identity as (
    insert into customer_identities (id, customer_id, channel, address, linked_by, created_at)
    select i.new_email_identity_id, t.customer_id, 'email', i.email, 'visitor', now() from target t, input i
    where i.email is not null and not exists (select 1 from known_email)
    on conflict (channel, address) do nothing
  ), new_identity as (
    insert into customer_identities (id, customer_id, channel, address, created_at)
    select i.new_identity_id, t.customer_id, i.channel, i.address, now() from target t, input i
    where t.new_conversation and not exists (select 1 from known_identity where same_channel)
  ), new_conversation as (
    insert into conversations (id, customer_id, channel, customer_address, business_address, created_at, last_message_at)
    select t.conversation_id, t.customer_id, i.channel, i.customer_address, i.business_address, now(), i.received_at
    from target t, input i where t.new_conversation
  ), touched_conversation as (
    update conversations c set last_message_at = i.received_at from target t, input i
    where c.id = t.conversation_id and not t.new_conversation
  ), new_message as (
    insert into messages (id, conversation_id, case_id, direction, channel, provider_message_id, body, attachments, created_at)
    select i.new_message_id, t.conversation_id, i.case_id, 'inbound', i.channel, i.provider_message_id, i.body, i.attachments, i.received_at
    from target t, input i
  ), new_case as (
    insert into cases (id, channel, stage, customer_id, conversation_id, inbound_message_id, inbound_text, created_at, updated_at)
    select i.case_id, i.channel, 'screening', t.customer_id, t.conversation_id, i.new_message_id, i.body, i.received_at, now()
    from target t, input i
    returning customer_id, conversation_id, inbound_message_id, created_at
  ), recorded as (
    select * from new_case union all select * from existing
  )
  select r.customer_id, r.conversation_id, r.inbound_message_id, array(
    select o.id from cases o, input i
    where o.conversation_id = r.conversation_id and o.stage in (${UNDECIDED_STAGES.map((stage) => `'${stage}'`).join(', ')})
      and o.id <> i.case_id and o.created_at <= r.created_at
    order by o.created_at
  ) as open_case_ids
  from recorded r`;

export interface InboundRecord {
  customerId: string;
  conversationId: string;
  messageId: string;
  /** Earlier cases of this conversation still waiting for a decision: this message supersedes them. */
  openCaseIds: string[];
}

interface InboundRow {
  customer_id: string;
  conversation_id: string;
  inbound_message_id: string;
  open_case_ids: string[];
}

/**
 * Stores the message under its customer and conversation, creating them and the case row as needed; reads
 * back what an earlier attempt stored. `address` is the customer's bare address (channels/addresses.ts).
 */
export async function recordInboundRows(
  em: EntityManager, caseId: string, message: InboundMessage, address: string,
): Promise<InboundRecord | undefined> {
  const [row] = await em.execute<InboundRow[]>(RECORD_INBOUND_SQL, [
    caseId, message.channel, message.from, message.to, address, message.providerMessageId, message.body,
    message.receivedAt, randomUUID(), randomUUID(), randomUUID(), randomUUID(),
    JSON.stringify(message.attachments ?? []), message.profileName ?? '', message.email ?? '', randomUUID(),
  ]);
  return row && { customerId: row.customer_id, conversationId: row.conversation_id, messageId: row.inbound_message_id, openCaseIds: row.open_case_ids };
}
