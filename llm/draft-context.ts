// What the drafter is given besides the message: knowledge-base passages, approved replies to similar
// messages, and the calibration of each intent. Read from PostgreSQL by the draftReply activity.
import type { EntityManager } from '@mikro-orm/postgresql';
import { findPii, redact } from '../guardrails/pii.js';
import { retrievePassages } from '../knowledge/retrieval.js';
import { BUCKETS, calibrationFrom, type IntentCalibration } from './calibration.js';
import type { ApprovedExample, SourcePassage } from './drafter.js';

const PASSAGES = 3;
const EXAMPLES = 2;

// Replies reviewers approved (as is or edited) and that went out, for messages sharing words with this one;
// the same 'simple' text-search index the queue's search uses.
const EXAMPLES_SQL = `
  with q as (select replace(plainto_tsquery('simple', ?)::text, ' & ', ' | ')::tsquery as query)
  select c.inbound_text, c.reply from cases c, q
  where to_tsvector('simple', c.inbound_text) @@ q.query and c.id <> ? and c.decision in ('approve', 'edit')
    and c.reply is not null and c.stage in ('sent', 'sending')
  order by ts_rank(to_tsvector('simple', c.inbound_text), q.query) desc, c.created_at desc limit ?`;

export async function passagesFor(em: EntityManager, text: string): Promise<SourcePassage[]> {
  return (await retrievePassages(em, text, PASSAGES)).map(({ articleId, title, text: passage }) => ({ articleId, title, text: passage }));
}

/** Few-shot examples, with other customers' personal data replaced by tokens. */
export async function examplesFor(em: EntityManager, caseId: string, text: string): Promise<ApprovedExample[]> {
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return [];
  const rows = await em.execute<{ inbound_text: string; reply: string }[]>(EXAMPLES_SQL, [text.slice(0, 2_000), caseId, EXAMPLES]);
  const scrub = (value: string) => redact(value, findPii(value));
  return rows.map((row) => ({ customer: scrub(row.inbound_text), reply: scrub(row.reply) }));
}

const CALIBRATION_SQL = `
  select intent, least(floor(raw_confidence * ${BUCKETS})::int, ${BUCKETS - 1}) as bucket,
    count(*)::int as decided, count(*) filter (where outcome = 'approve')::int as accepted
  from draft_outcomes where intent = ? group by 1, 2`;

export async function calibrationFor(em: EntityManager, intent: string): Promise<IntentCalibration | undefined> {
  return calibrationFrom(await em.execute(CALIBRATION_SQL, [intent])).get(intent);
}
