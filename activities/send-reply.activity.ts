import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import type { OutboundReply, SentReply } from '../channels/reply-sender.js';
import { findPii, redactWithTokens, restoreTokens } from '../guardrails/pii.js';
import type { ActivityDeps } from './deps.js';

export interface SendReplyInput {
  caseId: string;
  text: string;
}

// Where the reply goes, and the case's ledger row: the one this attempt just wrote (`claimed`), or the one
// an earlier attempt left. One statement, committed before the provider is called. Both halves of the union
// read one snapshot, so exactly one of them yields a row, unless a concurrent attempt commits its row in
// between: then neither does, and this attempt fails and retries.
const CLAIM_SEND_SQL = `
  with target as (
    select c.id as case_id, c.inbound_text, v.id as conversation_id, v.channel, v.customer_address, v.business_address
    from cases c join conversations v on v.id = c.conversation_id where c.id = ?
  ), claimed as (
    insert into send_ledger (case_id, body, status, created_at, updated_at)
    select case_id, ?, 'pending', now(), now() from target
    on conflict (case_id) do nothing
    returning body, status, provider_message_id, created_at, true as claimed
  ), ledger as (
    select * from claimed
    union all
    select body, status, provider_message_id, created_at, false from send_ledger where case_id = (select case_id from target)
  )
  select t.*, l.body, l.status, l.provider_message_id, l.claimed, (extract(epoch from l.created_at) * 1000)::float8 as created_ms
  from target t left join ledger l on true`;

// The provider accepted: the ledger row and the outbound message commit together.
const RECORD_SENT_SQL = `
  with accepted as (
    update send_ledger set status = 'accepted', provider_message_id = ?, updated_at = now() where case_id = ? returning case_id
  )
  insert into messages (id, conversation_id, case_id, direction, channel, provider_message_id, body, status, created_at)
  select ?, ?, case_id, 'outbound', ?, ?, ?, ?, now() from accepted
  returning id`;

interface ClaimRow {
  inbound_text: string;
  conversation_id: string;
  channel: string;
  customer_address: string;
  business_address: string;
  body: string | null;
  status: 'pending' | 'accepted' | null;
  provider_message_id: string | null;
  /** Epoch milliseconds: MikroORM leaves timestamps of raw queries as PostgreSQL's text. */
  created_ms: number | null;
  claimed: boolean | null;
}

/**
 * Sends the case's one reply. The ledger row is committed before the provider is called; a retry that
 * finds it `pending` asks the provider whether the earlier attempt got through before sending again, so a
 * worker dying between the provider's acceptance and this activity's completion never sends twice.
 */
export function sendReplyActivity({ orm, sender }: ActivityDeps) {
  return async function sendReply({ caseId, text }: SendReplyInput): Promise<SentReply> {
    const em = orm.em.fork();
    const [target] = await em.execute<ClaimRow[]>(CLAIM_SEND_SQL, [caseId, text]);
    if (!target) throw new Error(`no case ${caseId} in the read model`);
    if (!target.status) throw new Error(`case ${caseId}: another attempt is claiming the send; retrying`);
    if (target.status === 'accepted') {
      return { providerMessageId: target.provider_message_id!, status: 'accepted' };
    }
    if (target.body !== text) {
      throw ApplicationFailure.nonRetryable(`case ${caseId} already started sending a different reply`, 'SendConflict');
    }
    // The drafter wrote the customer's own PII as tokens (⟨EMAIL_1⟩); the customer gets their real values.
    const body = restoreTokens(text, redactWithTokens(target.inbound_text, findPii(target.inbound_text)).values);
    const reply: OutboundReply = { caseId, to: target.customer_address, from: target.business_address, body };
    const earlier = target.claimed ? null : await sender.findSent(reply, new Date(target.created_ms! - 60_000));

    const sent = earlier ?? await sender.send(reply);
    const recorded = await em.execute(RECORD_SENT_SQL, [
      sent.providerMessageId, caseId, randomUUID(), target.conversation_id, target.channel, sent.providerMessageId, body, sent.status,
    ]);
    if (recorded.length !== 1) throw new Error(`case ${caseId}: the send ledger row disappeared`);
    return sent;
  };
}
