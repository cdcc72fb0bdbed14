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
// the same 'simple' text-search index the queue's search uses. The query is computed first and passed as a
// constant, so PostgreSQL can use that index instead of scanning every case.
const EXAMPLE_QUERY_SQL = `select replace(plainto_tsquery('simple', ?)::text, ' & ', ' | ') as query`;
const EXAMPLES_SQL = `
  select c.inbound_text, c.reply from cases c
  where to_tsvector('simple', c.inbound_text) @@ ?::tsquery and c.id <> ? and c.decision in ('approve', 'edit')
    and c.reply is not null and c.stage in ('sent', 'sending')
  order by ts_rank(to_tsvector('simple', c.inbound_text), ?::tsquery) desc, c.created_at desc limit ?`;

export async function passagesFor(em: EntityManager, text: string): Promise<SourcePassage[]> {
  return (await retrievePassages(em, text, PASSAGES)).map(({ articleId, title, sentences }) => ({ articleId, title, sentences }));
}

/** Few-shot examples, with other customers' personal data replaced by tokens. */
export async function examplesFor(em: EntityManager, caseId: string, text: string): Promise<ApprovedExample[]> {
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return [];
  const [{ query } = { query: '' }] = await em.execute<{ query: string }[]>(EXAMPLE_QUERY_SQL, [text.slice(0, 2_000)]);
  if (!query) return [];
  const rows = await em.execute<{ inbound_text: string; reply: string }[]>(EXAMPLES_SQL, [query, caseId, query, EXAMPLES]);
  const scrub = (value: string) => redact(value, findPii(value));
  return rows.map((row) => ({ customer: scrub(row.inbound_text), reply: scrub(row.reply) }));
}

// Decided drafts and those approved as written, per intent and raw-confidence bucket (null: every intent).
const CALIBRATION_SQL = `
  select intent, least(floor(raw_confidence * ${BUCKETS})::int, ${BUCKETS - 1}) as bucket,
    count(*)::int as decided, count(*) filter (where outcome = 'approve')::int as accepted
  from draft_outcomes where ?::text is null or intent = ? group by 1, 2`;

/** What calibration has learnt, per intent: one intent's (for a draft) or all (for the quality table). */
export async function calibrations(em: EntityManager, intent: string | null = null): Promise<Map<string, IntentCalibration>> {
  return calibrationFrom(await em.execute(CALIBRATION_SQL, [intent, intent]));
}

export async function calibrationFor(em: EntityManager, intent: string): Promise<IntentCalibration | undefined> {
  return (await calibrations(em, intent)).get(intent);
}
