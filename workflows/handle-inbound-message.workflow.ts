// One durable case per inbound message: policy → record → screen → draft → route → review → send once.
import { ActivityFailure, allHandlersFinished, condition, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { optKeyword } from '../channels/opt-keywords.js';
import { screenOutbound } from '../guardrails/screen-outbound.js';
import { awaitDecision } from './await-decision.js';
import {
  applyOptKeyword, drafter, recordTransition, screenInbound, sendReply, supersedeCases,
} from './case-activities.js';
import { installCaseHandlers, type CaseContext } from './case-handlers.js';
import { CaseSearchAttributes, type CaseInput, type CaseState, type DeliveryReport, type Stage } from './contract.js';
import { deliverReply, refreshDelivery } from './deliver-reply.js';
import { parseDuration } from './duration.js';
import { openCase } from './open-case.js';
import { routeDraft } from './review-policy.js';

export async function handleInboundMessage(input: CaseInput): Promise<CaseState> {
  const { message } = input;
  const state: CaseState = {
    caseId: workflowInfo().workflowId, stage: 'screening', channel: message.channel, intent: null, confidence: null,
    escalationLevel: 0, deadline: null, draft: null, reply: null, guardrail: { classification: null, findings: [] },
    decision: null, customerId: null, policyVersion: null, claim: null, outbound: null, wouldAutoSend: null,
    draftError: null, supersedes: [], supersededBy: null, blockedReason: null, delivery: null, deliveryError: null,
    sendAttempt: 1, escalationRequest: null,
  };
  const deliveryReports: DeliveryReport[] = [];

  function upsertCaseSearchAttributes(): void {
    const pairs: SearchAttributeUpdatePair[] = [
      { key: CaseSearchAttributes.stage, value: state.stage },
      { key: CaseSearchAttributes.escalationLevel, value: state.escalationLevel },
    ];
    if (state.intent !== null) pairs.push({ key: CaseSearchAttributes.intent, value: state.intent });
    if (state.confidence !== null) pairs.push({ key: CaseSearchAttributes.confidence, value: state.confidence });
    upsertSearchAttributes(pairs);
  }
  async function publish(event: string, detail?: Record<string, unknown>): Promise<void> {
    upsertCaseSearchAttributes();
    await recordTransition({ caseId: state.caseId, state: { ...state }, event, detail });
  }
  async function enter(stage: Stage, event: string, detail?: Record<string, unknown>): Promise<void> {
    state.stage = stage;
    await publish(event, detail);
  }
  async function finish(): Promise<CaseState> {
    await condition(allHandlersFinished);
    return { ...state };
  }
  const superseded = () => state.supersededBy !== null;
  async function endSuperseded(): Promise<CaseState> {
    state.deadline = null;
    state.claim = null;
    await enter('superseded', 'superseded', { by: state.supersededBy });
    return finish();
  }

  // Handlers first: the state query must answer from the very first task.
  const handlers: CaseContext = {
    state, inboundText: message.body, claimTtl: input.claimTtl ?? '10m', publish,
    onDeliveryReport: (report) => {
      deliveryReports.push(report);
      refreshDelivery({ state, reports: deliveryReports });
    },
  };
  installCaseHandlers(handlers);
  // Carrier keywords, split replies and delivery reports came later: cases started before keep their path.
  // Asked before the first command, where replay always knows whether the history carries the marker.
  const channelRules = patched('channel-rules-and-delivery');
  const { policy, recorded } = await openCase(state, message, { publish, upsertSearchAttributes: upsertCaseSearchAttributes });
  handlers.claimTtl = input.claimTtl ?? policy.claimTtl;
  // The customer gets one coherent answer: earlier undecided cases of this conversation give way to this one.
  if (recorded.openCaseIds.length) await supersedeCases({ caseIds: recorded.openCaseIds, byCaseId: state.caseId });

  // STOP, START and HELP are Twilio's to answer; the case records the keyword and never drafts.
  const keyword = channelRules ? optKeyword(message.channel, message.body) : null;
  if (keyword) {
    await applyOptKeyword({ caseId: state.caseId, keyword });
    state.blockedReason = keyword;
    await enter('blocked', 'opt_keyword', { keyword });
    return finish();
  }

  const screening = await screenInbound({ caseId: state.caseId });
  state.guardrail = { classification: screening.classification, findings: screening.findings };
  if (screening.classification !== 'in_scope') {
    // A blocked message never reaches the LLM and is never quoted back: at most a neutral reply.
    // A forbidden topic may carry its own neutral reply; cases started before topics had one keep the class's.
    const topicReply = patched('topic-neutral-reply') ? screening.neutralReply : null;
    const neutral = topicReply ?? policy.blockedReplies[screening.classification];
    if (neutral) await sendReply({ caseId: state.caseId, text: neutral });
    state.reply = neutral;
    await enter('blocked', 'inbound_blocked', { classification: screening.classification, ruleSetVersion: screening.ruleSetVersion ?? 0 });
    return finish();
  }
  if (superseded()) return endSuperseded();

  await enter('drafting', 'screened');
  const drafting = { ...policy.drafting, ...input.drafting };
  try {
    const draft = await drafter(drafting.maximumAttempts, drafting.initialInterval)({ caseId: state.caseId, contextCaseIds: state.supersedes });
    Object.assign(state, { draft: draft.text, intent: draft.intent, confidence: draft.confidence });
    // Drafts follow the admin's outbound rule modes (snapshotted with the policy), as edits always did.
    state.outbound = screenOutbound(draft.text, message.body, patched('draft-outbound-modes') ? policy.outboundModes : undefined);
    const { route, wouldAutoSend } = routeDraft({ ...draft, outboundVerdict: state.outbound.verdict }, policy.routing);
    state.wouldAutoSend = wouldAutoSend;
    if (superseded()) return endSuperseded();
    if (route === 'auto_send') {
      state.reply = draft.text;
      await enter('sending', 'auto_approved');
    }
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // Never lost, never stuck: after the retry budget the case goes to a human, who writes the reply.
    state.draftError = error.cause?.message ?? error.message;
    if (superseded()) return endSuperseded();
  }

  const review = { state, message, policy, timeouts: input.timeouts, superseded, enter, publish };
  if (state.stage !== 'sending') {
    await awaitDecision(review);
    if (superseded() && !state.decision) return endSuperseded();
  }
  if (!channelRules) {
    if (state.stage === 'sending' && state.reply !== null) {
      const sent = await sendReply({ caseId: state.caseId, text: state.reply });
      await enter('sent', 'reply_sent', { providerMessageId: sent.providerMessageId });
    }
    return finish();
  }
  const deliveryTimeoutMs = parseDuration(input.deliveryTimeout ?? policy.deliveryTimeout ?? '15m');
  while (state.stage === 'sending' && state.reply !== null) {
    const next = await deliverReply({ state, reports: deliveryReports, deliveryTimeoutMs, enter, publish });
    if (next === 'done') break;
    await awaitDecision(review);
    if (superseded() && !state.decision) return endSuperseded();
  }
  return finish();
}
