// One durable case per inbound message: screen → draft → route → wait for a human → send once.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseActivities } from '../activities/index.js';
import {
  CaseSearchAttributes,
  decideUpdate,
  reviewSignal,
  stateQuery,
  type CaseInput,
  type CaseState,
  type ReviewDecision,
  type Stage,
} from './contract.js';
import { parseDuration } from './duration.js';
import { refuseDecision, replyFor, routeDraft } from './review-policy.js';

const { recordInbound, screenInbound, draftReply, recordTransition } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

// Sending is the one step with an outside effect; the activity itself guarantees at most one provider
// message per case (send ledger), so retrying it is safe.
const { sendReply } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '60s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

export async function handleInboundMessage(input: CaseInput): Promise<CaseState> {
  const { message, timeouts } = input;
  const state: CaseState = {
    caseId: workflowInfo().workflowId,
    stage: 'screening',
    channel: message.channel,
    intent: null,
    confidence: null,
    escalationLevel: 0,
    deadline: null,
    draft: null,
    reply: null,
    guardrail: { classification: null, findings: [] },
    decision: null,
    customerId: null,
  };

  /** Applies a decision that passed `refuseDecision`; both the Update and the Signal end here. */
  function applyDecision(input: ReviewDecision): void {
    state.decision = {
      decision: input.decision,
      reviewer: input.reviewer,
      reason: input.reason ?? null,
      decisionId: input.decisionId ?? null,
    };
    state.reply = replyFor(input, state.draft);
    state.deadline = null;
    state.stage = input.decision === 'reject' ? 'rejected' : 'sending';
  }

  setHandler(stateQuery, () => state);
  setHandler(decideUpdate, (decision) => {
    applyDecision(decision);
    return { ...state };
  }, {
    validator: (decision) => {
      const refusal = refuseDecision(state, decision);
      if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
    },
  });
  setHandler(reviewSignal, async (decision) => {
    const refusal = refuseDecision(state, decision);
    if (!refusal) return applyDecision(decision);
    // A signal cannot answer its sender, so the refusal goes to the audit where the case timeline shows it.
    await recordTransition({ caseId: state.caseId, state: { ...state }, event: 'decision_ignored', detail: { ...decision, refusal } });
  });

  async function enter(stage: Stage, event: string, detail?: Record<string, unknown>): Promise<void> {
    state.stage = stage;
    await publish(event, detail);
  }

  async function publish(event: string, detail?: Record<string, unknown>): Promise<void> {
    const pairs: SearchAttributeUpdatePair[] = [
      { key: CaseSearchAttributes.stage, value: state.stage },
      { key: CaseSearchAttributes.escalationLevel, value: state.escalationLevel },
    ];
    if (state.intent !== null) pairs.push({ key: CaseSearchAttributes.intent, value: state.intent });
    if (state.confidence !== null) pairs.push({ key: CaseSearchAttributes.confidence, value: state.confidence });
    upsertSearchAttributes(pairs);
    await recordTransition({ caseId: state.caseId, state: { ...state }, event, detail });
  }

  const recorded = await recordInbound({ caseId: state.caseId, message });
  state.customerId = recorded.customerId;
  await publish('case_opened');

  const screening = await screenInbound({ caseId: state.caseId });
  state.guardrail = { classification: screening.classification, findings: screening.findings };
  if (screening.classification !== 'in_scope') {
    await enter('blocked', 'inbound_blocked', { classification: screening.classification });
    return finish();
  }

  await enter('drafting', 'screened');
  const draft = await draftReply({ caseId: state.caseId });
  state.draft = draft.text;
  state.intent = draft.intent;
  state.confidence = draft.confidence;

  if (routeDraft(draft) === 'auto_send') {
    state.reply = draft.text;
    await enter('sending', 'auto_approved');
  } else {
    await awaitDecision();
  }

  if (state.stage === 'sending' && state.reply !== null) {
    const sent = await sendReply({ caseId: state.caseId, text: state.reply });
    await enter('sent', 'reply_sent', { providerMessageId: sent.providerMessageId });
  }
  return finish();

  /** Review tiers: awaiting_review → escalated → expired, unless a decision lands first. */
  async function awaitDecision(): Promise<void> {
    const tiers: { stage: Stage; level: number; timeout: string; event: string }[] = [
      { stage: 'awaiting_review', level: 0, timeout: timeouts.review, event: 'review_requested' },
      { stage: 'escalated', level: 1, timeout: timeouts.escalation, event: 'escalated' },
    ];
    for (const tier of tiers) {
      if (state.decision) break;
      const timeoutMs = parseDuration(tier.timeout);
      state.escalationLevel = tier.level;
      state.deadline = new Date(Date.now() + timeoutMs).toISOString();
      await enter(tier.stage, tier.event);
      if (await condition(() => state.decision !== null, timeoutMs)) break;
    }
    if (state.decision) {
      await publish('decided', { decision: state.decision });
    } else {
      state.deadline = null;
      await enter('expired', 'expired');
    }
  }

  async function finish(): Promise<CaseState> {
    await condition(allHandlersFinished);
    return { ...state };
  }
}
