// What reviewers did with drafts (the draft_outcomes table): written once per decided case by
// recordTransition, read by calibration (llm/calibration.ts) for the drafter and the intent quality table.
import type { EntityManager } from '@mikro-orm/postgresql';

export interface DraftOutcomeInput {
  caseId: string;
  intent: string;
  outcome: string;
  draft: string;
  final: string | null;
  editDistance: number | null;
}

// Once per case (a retried attempt changes nothing). The raw confidence is the drafter's own, which the
// draftReply activity stored on the case row; calibration learns from it.
const DRAFT_OUTCOME_SQL = `
  insert into draft_outcomes (case_id, intent, raw_confidence, outcome, draft, final, edit_distance, decided_at)
  select id, ?, coalesce(draft_confidence_raw, confidence, 0), ?, ?, ?, ?, now() from cases where id = ?
  on conflict (case_id) do nothing`;

export async function recordDraftOutcome(em: EntityManager, outcome: DraftOutcomeInput): Promise<void> {
  await em.execute(DRAFT_OUTCOME_SQL, [outcome.intent, outcome.outcome, outcome.draft, outcome.final, outcome.editDistance, outcome.caseId]);
}

export interface OutcomeCountRow {
  intent: string;
  bucket: number;
  decided: number;
  accepted: number;
}

// Decided drafts and those approved as written, per intent and raw-confidence bucket (null: every intent).
// The bucket count is calibration's (llm/calibration.ts BUCKETS); it is written into the text, not bound, so
// the statement stays the same for PostgreSQL.
const countsSql = (buckets: number) => `
  select intent, least(floor(raw_confidence * ${buckets})::int, ${buckets - 1}) as bucket,
    count(*)::int as decided, count(*) filter (where outcome = 'approve')::int as accepted
  from draft_outcomes where ?::text is null or intent = ? group by 1, 2`;

export function draftOutcomeCounts(em: EntityManager, buckets: number, intent: string | null): Promise<OutcomeCountRow[]> {
  if (!Number.isInteger(buckets) || buckets < 1) throw new Error(`calibration needs a whole number of buckets, not ${buckets}`);
  return em.execute<OutcomeCountRow[]>(countsSql(buckets), [intent, intent]);
}
