// One durable case per inbound message: policy → record → screen → draft → route → review → send once.
// The steps are in order here; the case they work on (state, policy snapshot, publishing) is workflows/case.ts.
import { ActivityFailure } from '@temporalio/workflow';
import type { CaseState } from '../domain/case.js';
import { parseDuration } from '../domain/duration.js';
import { optKeyword } from '../channels/opt-keywords.js';
import { screenOutbound } from '../guardrails/screen-outbound.js';
import { Case } from './case.js';
import { applyOptKeyword, drafter, screenInbound, sendReply, supersedeCases } from './case-activities.js';
import { installCaseHandlers } from './case-handlers.js';
import type { CaseInput } from './contract.js';
import { deliverReply } from './delivery.js';
import { awaitDecision } from './review-tiers.js';
import { routeDraft } from './review-rules.js';

export async function handleInboundMessage(input: CaseInput): Promise<CaseState> {
  const kase = new Case(input);
  const { state, message } = kase;
  // Handlers first: the state query must answer from the very first task.
  installCaseHandlers(kase);
  // Carrier keywords, split replies and delivery reports came later: cases started before keep their path.
  // Asked before the first command, where replay always knows whether the history carries the marker.
  const channelRules = kase.takes('channel-rules-and-delivery');
  const recorded = await kase.open();
  const { policy } = kase;
  // The customer gets one coherent answer: earlier undecided cases of this conversation give way to this one.
  if (recorded.openCaseIds.length) await supersedeCases({ caseIds: recorded.openCaseIds, byCaseId: state.caseId });

  // STOP, START and HELP are Twilio's to answer; the case records the keyword and never drafts.
  const keyword = channelRules ? optKeyword(message.channel, message.body) : null;
  if (keyword) {
    await applyOptKeyword({ caseId: state.caseId, keyword });
    state.blockedReason = keyword;
    await kase.enter('blocked', 'opt_keyword', { keyword });
    return kase.finish();
  }

  const screening = await screenInbound({ caseId: state.caseId });
  state.guardrail = { classification: screening.classification, findings: screening.findings };
  if (screening.classification !== 'in_scope') {
    // A blocked message never reaches the LLM and is never quoted back: at most a neutral reply.
    // A forbidden topic may carry its own neutral reply; cases started before topics had one keep the class's.
    const topicReply = kase.takes('topic-neutral-reply') ? screening.neutralReply : null;
    const neutral = topicReply ?? policy.blockedReplies[screening.classification];
    if (neutral) await sendReply({ caseId: state.caseId, text: neutral });
    state.reply = neutral;
    await kase.enter('blocked', 'inbound_blocked', { classification: screening.classification, ruleSetVersion: screening.ruleSetVersion ?? 0 });
    return kase.finish();
  }
  if (kase.superseded) return kase.endSuperseded();

  await kase.enter('drafting', 'screened');
  const drafting = { ...policy.drafting, ...input.drafting };
  try {
    const draft = await drafter(drafting.maximumAttempts, drafting.initialInterval)({ caseId: state.caseId, contextCaseIds: state.supersedes });
    Object.assign(state, { draft: draft.text, intent: draft.intent, confidence: draft.confidence });
    // Drafts follow the admin's outbound rule modes (snapshotted with the policy), as edits do.
    state.outbound = screenOutbound(draft.text, message.body, kase.takes('draft-outbound-modes') ? policy.outboundModes : undefined);
    const { route, wouldAutoSend } = routeDraft({ ...draft, outboundVerdict: state.outbound.verdict }, policy.routing);
    state.wouldAutoSend = wouldAutoSend;
    if (kase.superseded) return kase.endSuperseded();
    if (route === 'auto_send') {
      state.reply = draft.text;
      await kase.enter('sending', 'auto_approved');
    }
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // Never lost, never stuck: after the retry budget the case goes to a human, who writes the reply.
    state.draftError = error.cause?.message ?? error.message;
    if (kase.superseded) return kase.endSuperseded();
  }

  if (state.stage !== 'sending') {
    await awaitDecision(kase);
    if (kase.superseded && !state.decision) return kase.endSuperseded();
  }
  if (!channelRules) {
    if (state.stage === 'sending' && state.reply !== null) {
      const sent = await sendReply({ caseId: state.caseId, text: state.reply });
      await kase.enter('sent', 'reply_sent', { providerMessageId: sent.providerMessageId });
    }
    return kase.finish();
  }
  const deliveryTimeoutMs = parseDuration(input.deliveryTimeout ?? policy.deliveryTimeout ?? '15m');
  while (state.stage === 'sending' && state.reply !== null) {
    const next = await deliverReply(kase, deliveryTimeoutMs);
    if (next === 'done') break;
    await awaitDecision(kase);
    if (kase.superseded && !state.decision) return kase.endSuperseded();
  }
  return kase.finish();
}
