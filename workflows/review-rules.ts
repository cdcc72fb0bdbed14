// Pure routing and review rules for a case. No I/O, no Temporal: unit-tested directly and run inside
// the workflow sandbox.
import type { CasePolicy } from '../domain/policy.js';
import {
  DecisionErrors, REVIEWABLE_STAGES, type CaseState, type ClaimRequest, type EscalationRequest, type ReassignRequest, type ReviewDecision,
} from '../domain/case.js';
import type { OutboundModes } from '../domain/guardrail.js';
import { screenOutbound } from '../guardrails/screen-outbound.js';

export type Route = 'auto_send' | 'review';

export interface DraftFacts {
  intent: string;
  confidence: number;
  needsHuman?: boolean;
  outboundVerdict: 'clean' | 'warn' | 'block';
}

/** Where a draft goes, and in shadow mode whether it would have been sent alone. */
export function routeDraft(draft: DraftFacts, routing: CasePolicy['routing']): { route: Route; wouldAutoSend: boolean | null } {
  const threshold = routing.thresholds[draft.intent] ?? routing.defaultThreshold;
  const eligible = !draft.needsHuman
    && draft.outboundVerdict === 'clean'
    && !routing.neverAutoIntents.includes(draft.intent)
    && draft.confidence >= threshold;
  if (routing.shadowIntents.includes(draft.intent)) return { route: 'review', wouldAutoSend: eligible };
  return { route: eligible ? 'auto_send' : 'review', wouldAutoSend: null };
}

export interface DecisionRefusal {
  code: (typeof DecisionErrors)[keyof typeof DecisionErrors];
  message: string;
}

type ReviewView = Pick<CaseState, 'stage' | 'decision' | 'draft' | 'claim'>;

function claimHeldByOther(state: ReviewView, reviewer: string, now: number): boolean {
  return state.claim !== null && state.claim.reviewer !== reviewer && Date.parse(state.claim.until) > now;
}

/** Why a decision cannot be applied to the case as it stands, or null when it can. */
export function refuseDecision(
  state: ReviewView,
  input: ReviewDecision,
  now: number,
  inboundText = '',
  outboundModes?: OutboundModes,
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
  if (state.decision) {
    return {
      code: DecisionErrors.notAwaitingReview,
      message: `case was already decided (${state.decision.decision} by ${state.decision.reviewer})`,
    };
  }
  if (!REVIEWABLE_STAGES.includes(state.stage)) {
    return { code: DecisionErrors.notAwaitingReview, message: `case is ${state.stage}, not awaiting review` };
  }
  if (input.decision === 'approve' && !state.draft) {
    return { code: DecisionErrors.badInput, message: 'there is no draft to approve; edit to write the reply' };
  }
  if (claimHeldByOther(state, input.reviewer, now)) {
    return { code: DecisionErrors.claimedByOther, message: `case is claimed by ${state.claim!.reviewer} until ${state.claim!.until}` };
  }
  if (input.decision === 'edit') {
    const blocked = screenOutbound(input.text!, inboundText, outboundModes).findings.filter((f) => f.severity === 'high');
    if (blocked.length) {
      return { code: DecisionErrors.outboundBlocked, message: `the reply breaks outbound rules: ${blocked.map((f) => f.rule).join(', ')}` };
    }
  }
  return null;
}

/** Why a claim (or release) cannot be taken, or null. */
export function refuseClaim(state: ReviewView, input: ClaimRequest, now: number, releasing = false): DecisionRefusal | null {
  if (typeof input?.reviewer !== 'string' || input.reviewer.trim() === '') {
    return { code: DecisionErrors.badInput, message: 'reviewer is required' };
  }
  if (state.decision || !REVIEWABLE_STAGES.includes(state.stage)) {
    return { code: DecisionErrors.notAwaitingReview, message: `case is ${state.stage}, not awaiting review` };
  }
  if (claimHeldByOther(state, input.reviewer, now)) {
    return { code: DecisionErrors.claimedByOther, message: `case is claimed by ${state.claim!.reviewer} until ${state.claim!.until}` };
  }
  if (releasing && state.claim?.reviewer !== input.reviewer) {
    return { code: DecisionErrors.badInput, message: 'you do not hold a claim on this case' };
  }
  return null;
}

/** Why a supervisor may not escalate the case now, or null. Only the first review tier can be skipped. */
export function refuseEscalation(state: ReviewView & Pick<CaseState, 'escalationRequest'>, input: EscalationRequest): DecisionRefusal | null {
  if (typeof input?.supervisor !== 'string' || input.supervisor.trim() === '') {
    return { code: DecisionErrors.badInput, message: 'supervisor is required' };
  }
  if (state.stage === 'escalated' || state.escalationRequest) return { code: DecisionErrors.badInput, message: 'the case is already escalated' };
  if (state.decision || state.stage !== 'awaiting_review') {
    return { code: DecisionErrors.notAwaitingReview, message: `case is ${state.stage}, not awaiting review` };
  }
  return null;
}

/** Why the case cannot be handed to `reviewer` now, or null. A supervisor may take a case from anyone. */
export function refuseReassign(state: ReviewView, input: ReassignRequest): DecisionRefusal | null {
  if (typeof input?.supervisor !== 'string' || !input.supervisor.trim() || typeof input.reviewer !== 'string' || !input.reviewer.trim()) {
    return { code: DecisionErrors.badInput, message: 'supervisor and reviewer are required' };
  }
  if (state.decision || !REVIEWABLE_STAGES.includes(state.stage)) {
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

/** A tier's deadline, capped so a WhatsApp reply is never left outside the customer-service window. */
export function tierDeadline(now: number, timeoutMs: number, windowClosesAt: number | null): number {
  return windowClosesAt === null ? now + timeoutMs : Math.min(now + timeoutMs, windowClosesAt);
}
