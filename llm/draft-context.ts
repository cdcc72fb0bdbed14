// What the drafter is given besides the message: knowledge-base passages, approved replies to similar
// messages, and the calibration of each intent. Read from PostgreSQL by the draftReply activity.
import type { EntityManager } from '@mikro-orm/postgresql';
import { sentRepliesLike } from '../db/case-records.js';
import { draftOutcomeCounts } from '../db/draft-outcomes.js';
import { findPii, redact } from '../guardrails/pii.js';
import { retrievePassages } from '../knowledge/retrieval.js';
import { BUCKETS, calibrationFrom, type IntentCalibration } from './calibration.js';
import type { ApprovedExample, SourcePassage } from './drafter.js';

const PASSAGES = 3;
const EXAMPLES = 2;

export async function passagesFor(em: EntityManager, text: string): Promise<SourcePassage[]> {
  return (await retrievePassages(em, text, PASSAGES)).map(({ articleId, title, sentences }) => ({ articleId, title, sentences }));
}

/** Few-shot examples, with other customers' personal data replaced by tokens. */
export async function examplesFor(em: EntityManager, caseId: string, text: string): Promise<ApprovedExample[]> {
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return [];
  const rows = await sentRepliesLike(em, caseId, text, EXAMPLES);
  const scrub = (value: string) => redact(value, findPii(value));
  return rows.map((row) => ({ customer: scrub(row.inbound_text), reply: scrub(row.reply) }));
}

/** What calibration has learnt, per intent: one intent's (for a draft) or all (for the quality table). */
export async function calibrations(em: EntityManager, intent: string | null = null): Promise<Map<string, IntentCalibration>> {
  return calibrationFrom(await draftOutcomeCounts(em, BUCKETS, intent));
}

export async function calibrationFor(em: EntityManager, intent: string): Promise<IntentCalibration | undefined> {
  return (await calibrations(em, intent)).get(intent);
}
