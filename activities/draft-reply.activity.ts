import { ApplicationFailure } from '@temporalio/activity';
import { CaseSchema, MessageSchema } from '../db/entities/index.js';
import { findPii, redact as redactPii } from '../guardrails/pii.js';
import { DrafterError, type Draft, type HistoryLine } from '../llm/drafter.js';
import type { ActivityDeps } from './deps.js';

export type DraftResult = Pick<Draft, 'text' | 'intent' | 'confidence' | 'needsHuman' | 'model'>;

/** How much of a customer's past the drafter reads: enough for context, little enough for a prompt. */
const HISTORY_LINES = 12;

// The customer's latest messages on every channel (one customer, many channels), before this case's own.
// A web chat visitor is only who they say they are: an email typed into the chat links them to a customer
// for reviewers to see, but the drafter reads that customer's other channels only once a supervisor has
// vouched for the visitor (linked or merged them), so a stranger typing someone's email learns nothing.
const HISTORY_SQL = `
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

export function draftReplyActivity({ orm, drafter }: ActivityDeps) {
  return async function draftReply({ caseId, contextCaseIds = [] }: { caseId: string; contextCaseIds?: string[] }): Promise<DraftResult> {
    const em = orm.em.fork();
    const found = await em.findOneOrFail(CaseSchema, { id: caseId });
    // Messages this one superseded are answered together with it.
    const earlier = contextCaseIds.length
      ? await em.find(CaseSchema, { id: { $in: contextCaseIds } }, { orderBy: { createdAt: 'asc' } })
      : [];
    // The drafter sees PII tokens, never the customer's raw email or number.
    const redact = (text: string) => redactPii(text, findPii(text));
    const [history, inbound] = await Promise.all([
      em.execute<{ channel: string; direction: string; body: string; created_at: string }[]>(HISTORY_SQL, [
        caseId, `{${[caseId, ...contextCaseIds].map((id) => `"${id}"`).join(',')}}`, found.createdAt, HISTORY_LINES,
      ]),
      em.findOne(MessageSchema, { id: found.inboundMessageId }),
    ]);
    try {
      // Screening stored the redacted copy already; computing it again is for cases screened before it did.
      const redacted = (c: typeof found) => c.inboundRedacted ?? redact(c.inboundText);
      const draft = await drafter.draft({
        channel: found.channel,
        text: redacted(found),
        earlier: earlier.map(redacted),
        history: history.map((row): HistoryLine => ({
          channel: row.channel, from: row.direction === 'inbound' ? 'customer' : 'business', text: redact(row.body), at: new Date(row.created_at).toISOString(),
        })),
        attachments: inbound?.attachments.map((a) => a.contentType),
      });
      // The reasoning is for reviewers, not for the workflow: it goes to the read model, never into history.
      await em.nativeUpdate(CaseSchema, { id: caseId }, { draftReasoning: draft.reasoning, draftModel: draft.model });
      return { text: draft.text, intent: draft.intent, confidence: draft.confidence, needsHuman: draft.needsHuman, model: draft.model };
    } catch (error) {
      if (error instanceof DrafterError) {
        throw ApplicationFailure.create({
          type: 'DrafterError',
          message: error.message,
          nonRetryable: !error.retryable,
          nextRetryDelay: error.retryAfterMs,
        });
      }
      throw error;
    }
  };
}
