import { recordCaseTransition } from '../db/case-records.js';
import { recordDraftOutcome } from '../db/draft-outcomes.js';
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

/**
 * Mirrors the workflow's state into the read model, appends the audit event and notifies listeners, in one
 * transaction. Safe to retry: the row is overwritten with the same state; a retried attempt may append the
 * audit event twice only if the first commit's acknowledgement was lost, which the audit tolerates.
 */
export function recordTransitionActivity({ orm }: ActivityDeps) {
  return async function recordTransition({ caseId, state, event, detail }: TransitionInput): Promise<void> {
    const result = await recordCaseTransition(orm.em.fork(), caseId, state,
      { actor: actorOf(event, detail), type: event, detail: { stage: state.stage, ...detail } },
      { caseId, type: event, stage: state.stage, at: new Date().toISOString() });
    if (!result.recorded) throw new Error(`no case ${caseId} in the read model`);
    if (event === 'decided') await recordOutcomeOfDraft(orm, caseId, state);
    countTransition(event, state, detail, result.createdAt);
  };
}

// What the reviewer did with the draft, what calibration and the edit statistics learn from. A case decided
// without a draft (the drafter failed) teaches nothing.
async function recordOutcomeOfDraft(orm: ActivityDeps['orm'], caseId: string, state: CaseState): Promise<void> {
  const decision = state.decision?.decision;
  if (!decision || !state.draft || !state.intent) return;
  const final = decision === 'reject' ? null : state.reply ?? state.draft;
  const editDistance = final === null ? null : decision === 'approve' ? 0 : wordEditDistance(state.draft, final);
  await recordDraftOutcome(orm.em.fork(), { caseId, intent: state.intent, outcome: decision, draft: state.draft, final, editDistance });
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
