import { CASE_EVENTS_CHANNEL } from '../db/case-events.js';
import { wordEditDistance } from '../llm/edit-distance.js';
import {
  autoApproved, decisionLatency, deliveryFailures, escalations, manualReviews, securityViolations, slaBreaches,
} from '../runtime/metrics.js';
import type { CaseState } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';

export interface TransitionInput {
  caseId: string;
  state: CaseState;
  event: string;
  detail?: Record<string, unknown>;
}

// One statement, so one round trip and one implicit transaction: the read-model row, the audit event and
// the NOTIFY commit together or not at all. It runs several times per case on the worker's hot path, where
// round trips to PostgreSQL are most of the cost.
const RECORD_TRANSITION_SQL = `
  with updated as (
    update cases set
      stage = ?, intent = ?, confidence = ?, escalation_level = ?, deadline = ?, draft = ?, reply = ?,
      classification = ?, findings = ?::jsonb, decision = ?, decided_by = ?, policy_version = ?,
      claimed_by = ?, claimed_until = ?, would_auto_send = ?, superseded_by = ?, draft_error = ?,
      blocked_reason = ?, delivery_status = ?, delivery_error = ?, updated_at = now()
    where id = ?
    returning id, conversation_id, created_at
  ), audited as (
    insert into audit_events (case_id, actor, type, detail, created_at)
    select id, ?, ?, ?::jsonb, now() from updated
    returning case_id
  )
  select count(*)::int as recorded, (select created_at from updated) as created_at,
    pg_notify('${CASE_EVENTS_CHANNEL}', (?::jsonb || jsonb_build_object('conversationId', (select conversation_id from updated)))::text)
  from audited`;

/**
 * Mirrors the workflow's state into the read model, appends the audit event and notifies listeners, in one
 * transaction. Safe to retry: the row is overwritten with the same state; a retried attempt may append the
 * audit event twice only if the first commit's acknowledgement was lost, which the audit tolerates.
 */
export function recordTransitionActivity({ orm }: ActivityDeps) {
  return async function recordTransition({ caseId, state, event, detail }: TransitionInput): Promise<void> {
    const [result] = await orm.em.fork().execute<{ recorded: number; created_at: Date | null }[]>(RECORD_TRANSITION_SQL, [
      state.stage, state.intent, state.confidence, state.escalationLevel, state.deadline ? new Date(state.deadline) : null,
      state.draft, state.reply, state.guardrail.classification, JSON.stringify(state.guardrail.findings),
      state.decision?.decision ?? null, state.decision?.reviewer ?? null, state.policyVersion,
      state.claim?.reviewer ?? null, state.claim ? new Date(state.claim.until) : null, state.wouldAutoSend,
      state.supersededBy, state.draftError, state.blockedReason ?? null, state.delivery?.status ?? null, state.deliveryError ?? null, caseId,
      actorOf(event, detail), event, JSON.stringify({ stage: state.stage, ...detail }),
      JSON.stringify({ caseId, type: event, stage: state.stage, at: new Date().toISOString() }),
    ]);
    if (result?.recorded !== 1) throw new Error(`no case ${caseId} in the read model`);
    if (event === 'decided') await recordDraftOutcome(orm, caseId, state);
    countTransition(event, state, detail, result.created_at);
  };
}

// What the reviewer did with the draft, once per case (a retried attempt changes nothing): what calibration
// and the edit statistics learn from. A case decided without a draft (the drafter failed) teaches nothing.
const DRAFT_OUTCOME_SQL = `
  insert into draft_outcomes (case_id, intent, raw_confidence, outcome, draft, final, edit_distance, decided_at)
  select id, ?, coalesce(draft_confidence_raw, confidence, 0), ?, ?, ?, ?, now() from cases where id = ?
  on conflict (case_id) do nothing`;

async function recordDraftOutcome(orm: ActivityDeps['orm'], caseId: string, state: CaseState): Promise<void> {
  const decision = state.decision?.decision;
  if (!decision || !state.draft || !state.intent) return;
  const final = decision === 'reject' ? null : state.reply ?? state.draft;
  const distance = final === null ? null : decision === 'approve' ? 0 : wordEditDistance(state.draft, final);
  await orm.em.fork().execute(DRAFT_OUTCOME_SQL, [state.intent, decision, state.draft, final, distance, caseId]);
}

/** Who the audit names: the person behind a decision, claim or supervisor action; else the system. */
function actorOf(event: string, detail: Record<string, unknown> | undefined): string {
  if (event === 'decided' || event === 'decision_ignored') {
    return String((detail?.decision as { reviewer?: string } | undefined)?.reviewer ?? detail?.reviewer ?? 'unknown');
  }
  if (event === 'claimed' || event === 'released') return String(detail?.reviewer ?? 'unknown');
  // A supervisor's reassignment or escalation carries `by`; a timer escalation has none.
  if ((event === 'reassigned' || event === 'escalated') && typeof detail?.by === 'string') return detail.by;
  return 'system';
}

/**
 * The product's counters (runtime/metrics.ts), counted where each transition is recorded. A retried attempt
 * after a lost acknowledgement counts twice, as the audit may: metrics show rates, the audit is the record.
 */
function countTransition(event: string, state: CaseState, detail: Record<string, unknown> | undefined, createdAt: Date | null): void {
  switch (event) {
    case 'auto_approved': autoApproved.inc(); break;
    case 'review_requested': manualReviews.inc(); break;
    case 'escalated': escalations.inc({ cause: typeof detail?.by === 'string' ? 'supervisor' : 'timer' }); break;
    case 'expired': slaBreaches.inc(); break;
    case 'inbound_blocked': securityViolations.inc({ type: state.guardrail.classification ?? 'unknown' }); break;
    case 'delivery_failed': case 'reply_not_sent': deliveryFailures.inc(); break;
    case 'decided':
      if (createdAt) decisionLatency.observe((Date.now() - new Date(createdAt).getTime()) / 1000);
      break;
    default:
  }
}
