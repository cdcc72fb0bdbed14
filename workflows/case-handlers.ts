// The messages a running case answers: the state query, decisions (Update and Signal), claims and
// supersession. Every decision, from the console or the CLI, goes through the same checks.
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { recordTransition } from './case-activities.js';
import {
  claimUpdate,
  decideUpdate,
  deliverySignal,
  escalateUpdate,
  reassignUpdate,
  releaseUpdate,
  reviewSignal,
  stateQuery,
  supersedeSignal,
  type CaseState,
  type DeliveryReport,
  type ReviewDecision,
} from './contract.js';
import { parseDuration } from './duration.js';
import { refuseClaim, refuseDecision, refuseEscalation, refuseReassign, replyFor, type DecisionRefusal } from './review-policy.js';
import { screenOutbound } from '../guardrails/screen-outbound.js';

export interface CaseContext {
  state: CaseState;
  inboundText: string;
  claimTtl: string;
  outboundModes?: Record<string, 'block' | 'warn' | 'off'>;
  /** Upserts search attributes and records the transition (read model, audit, caseEvents). */
  publish(event: string, detail?: Record<string, unknown>): Promise<void>;
  /** A provider status callback about one of the case's outbound messages. */
  onDeliveryReport(report: DeliveryReport): void;
}

function reject(refusal: DecisionRefusal | null): void {
  if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
}

export function installCaseHandlers(ctx: CaseContext): void {
  const { state } = ctx;

  function applyDecision(input: ReviewDecision): void {
    state.decision = { decision: input.decision, reviewer: input.reviewer, reason: input.reason ?? null, decisionId: input.decisionId ?? null };
    state.reply = replyFor(input, state.draft);
    if (input.decision === 'edit') state.outbound = screenOutbound(state.reply!, ctx.inboundText, ctx.outboundModes);
    state.deadline = null;
    state.claim = null;
    state.stage = input.decision === 'reject' ? 'rejected' : 'sending';
  }

  setHandler(stateQuery, () => state);

  setHandler(decideUpdate, (decision) => {
    applyDecision(decision);
    return { ...state };
  }, { validator: (decision) => reject(refuseDecision(state, decision, Date.now(), ctx.inboundText, ctx.outboundModes)) });

  setHandler(reviewSignal, async (decision) => {
    const refusal = refuseDecision(state, decision, Date.now(), ctx.inboundText, ctx.outboundModes);
    if (!refusal) return applyDecision(decision);
    // A signal cannot answer its sender, so the refusal goes to the audit where the case timeline shows it.
    await recordTransition({ caseId: state.caseId, state: { ...state }, event: 'decision_ignored', detail: { ...decision, refusal } });
  });

  setHandler(claimUpdate, async ({ reviewer }) => {
    state.claim = { reviewer, until: new Date(Date.now() + parseDuration(ctx.claimTtl)).toISOString() };
    await ctx.publish('claimed', { reviewer });
    return { ...state };
  }, { validator: (request) => reject(refuseClaim(state, request, Date.now())) });

  setHandler(releaseUpdate, async ({ reviewer }) => {
    state.claim = null;
    await ctx.publish('released', { reviewer });
    return { ...state };
  }, { validator: (request) => reject(refuseClaim(state, request, Date.now(), true)) });

  // Supervisor actions came after the first cases shipped. They add no command to a history that lacks their
  // Update, so older histories replay unchanged (tests/replay proves it) and running cases accept them too.
  setHandler(escalateUpdate, async ({ supervisor, reason }) => {
    state.escalationRequest = { by: supervisor, reason: reason?.trim() || null };
    // awaitDecision moves the case; answer once it has, so the caller sees the escalated state.
    await condition(() => state.stage !== 'awaiting_review' || state.decision !== null);
    return { ...state };
  }, { validator: (request) => reject(refuseEscalation(state, request)) });

  setHandler(reassignUpdate, async ({ supervisor, reviewer }) => {
    state.claim = { reviewer, until: new Date(Date.now() + parseDuration(ctx.claimTtl)).toISOString() };
    await ctx.publish('reassigned', { reviewer, by: supervisor });
    return { ...state };
  }, { validator: (request) => reject(refuseReassign(state, request)) });

  setHandler(deliverySignal, (report) => {
    if (report && typeof report.providerMessageId === 'string') ctx.onDeliveryReport(report);
  });

  setHandler(supersedeSignal, ({ byCaseId }) => {
    // Only an undecided case gives way; one already sending finishes.
    if (state.decision || state.supersededBy || !['screening', 'drafting', 'awaiting_review', 'escalated'].includes(state.stage)) return;
    state.supersededBy = byCaseId;
  });
}
