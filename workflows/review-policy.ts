// Pure routing and review rules for a case. No I/O, no Temporal: unit-tested directly and run inside
// the workflow sandbox.
import { DecisionErrors, REVIEWABLE_STAGES, type CaseState, type ReviewDecision } from './contract.js';

export interface RoutingPolicy {
  /** Drafts at or above this confidence may go out without a human. */
  autoSendThreshold: number;
  /** Intents that always wait for a human, whatever the confidence. */
  neverAutoIntents: readonly string[];
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicy = {
  autoSendThreshold: 0.9,
  neverAutoIntents: ['refund', 'complaint', 'billing_dispute', 'legal'],
};

export type Route = 'auto_send' | 'review';

export function routeDraft(
  draft: { intent: string; confidence: number; needsHuman?: boolean },
  policy: RoutingPolicy = DEFAULT_ROUTING_POLICY,
): Route {
  if (draft.needsHuman) return 'review';
  if (policy.neverAutoIntents.includes(draft.intent)) return 'review';
  return draft.confidence >= policy.autoSendThreshold ? 'auto_send' : 'review';
}

export interface DecisionRefusal {
  code: (typeof DecisionErrors)[keyof typeof DecisionErrors];
  message: string;
}

/** Why a decision cannot be applied to the case as it stands, or null when it can. */
export function refuseDecision(
  state: Pick<CaseState, 'stage' | 'decision' | 'draft'>,
  input: ReviewDecision,
): DecisionRefusal | null {
  if (!input || !['approve', 'edit', 'reject'].includes(input.decision)) {
    return { code: DecisionErrors.badInput, message: 'decision must be one of approve, edit, reject' };
  }
  if (typeof input.reviewer !== 'string' || input.reviewer.trim() === '') {
    return { code: DecisionErrors.badInput, message: 'reviewer is required' };
  }
  if (input.decision === 'edit' && (typeof input.text !== 'string' || input.text.trim() === '')) {
    return { code: DecisionErrors.badInput, message: 'an edit needs the reply text' };
  }
  if (input.decision === 'approve' && !state.draft && REVIEWABLE_STAGES.includes(state.stage)) {
    return { code: DecisionErrors.badInput, message: 'there is no draft to approve; edit to write the reply' };
  }
  if (state.decision) {
    return {
      code: DecisionErrors.notAwaitingReview,
      message: `case was already decided (${state.decision.decision} by ${state.decision.reviewer})`,
    };
  }
  if (!REVIEWABLE_STAGES.includes(state.stage)) {
    return { code: DecisionErrors.notAwaitingReview, message: `case is ${state.stage}, not awaiting review` };
  }
  return null;
}

/** The reply a decision sends, or null when it sends nothing. */
export function replyFor(decision: ReviewDecision, draft: string | null): string | null {
  if (decision.decision === 'reject') return null;
  if (decision.decision === 'edit') return decision.text!.trim();
  return draft;
}
