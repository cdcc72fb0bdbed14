// The messages a running case answers: the state query, decisions (Update and Signal), claims and
// supersession. Every decision, from the console or the CLI, goes through the same checks, against the
// case's own policy snapshot (Case.editOutboundModes).
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { UNDECIDED_STAGES, type ReviewDecision } from '../domain/case.js';
import { parseDuration } from '../domain/duration.js';
import { screenOutbound } from '../guardrails/screen-outbound.js';
import type { Case } from './case.js';
import { recordTransition } from './case-activities.js';
import {
  claimUpdate, decideUpdate, deliverySignal, escalateUpdate, reassignUpdate, releaseUpdate, reviewSignal, stateQuery, supersedeSignal,
} from './contract.js';
import { refuseClaim, refuseDecision, refuseEscalation, refuseReassign, replyFor, type DecisionRefusal } from './review-rules.js';

function reject(refusal: DecisionRefusal | null): void {
  if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
}

export function installCaseHandlers(kase: Case): void {
  const { state } = kase;
  const inboundText = kase.message.body;

  function applyDecision(input: ReviewDecision): void {
    state.decision = { decision: input.decision, reviewer: input.reviewer, reason: input.reason ?? null, decisionId: input.decisionId ?? null };
    state.reply = replyFor(input, state.draft);
    if (input.decision === 'edit') state.outbound = screenOutbound(state.reply!, inboundText, kase.editOutboundModes);
    state.deadline = null;
    state.claim = null;
    state.stage = input.decision === 'reject' ? 'rejected' : 'sending';
  }

  setHandler(stateQuery, () => state);

  setHandler(decideUpdate, (decision) => {
    applyDecision(decision);
    return { ...state };
  }, { validator: (decision) => reject(refuseDecision(state, decision, Date.now(), inboundText, kase.editOutboundModes)) });

  setHandler(reviewSignal, async (decision) => {
    const refusal = refuseDecision(state, decision, Date.now(), inboundText, kase.editOutboundModes);
    if (!refusal) return applyDecision(decision);
    // A signal cannot answer its sender, so the refusal goes to the audit where the case timeline shows it.
    await recordTransition({ caseId: state.caseId, state: { ...state }, event: 'decision_ignored', detail: { ...decision, refusal } });
  });

  setHandler(claimUpdate, async ({ reviewer }) => {
    state.claim = { reviewer, until: new Date(Date.now() + parseDuration(kase.claimTtl)).toISOString() };
    await kase.publish('claimed', { reviewer });
    return { ...state };
  }, { validator: (request) => reject(refuseClaim(state, request, Date.now())) });

  setHandler(releaseUpdate, async ({ reviewer }) => {
    state.claim = null;
    await kase.publish('released', { reviewer });
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
    state.claim = { reviewer, until: new Date(Date.now() + parseDuration(kase.claimTtl)).toISOString() };
    await kase.publish('reassigned', { reviewer, by: supervisor });
    return { ...state };
  }, { validator: (request) => reject(refuseReassign(state, request)) });

  setHandler(deliverySignal, (report) => {
    if (report && typeof report.providerMessageId === 'string') kase.receiveDeliveryReport(report);
  });

  setHandler(supersedeSignal, ({ byCaseId }) => {
    // Only an undecided case gives way; one already sending finishes.
    if (state.decision || state.supersededBy || !UNDECIDED_STAGES.includes(state.stage)) return;
    state.supersededBy = byCaseId;
  });
}
