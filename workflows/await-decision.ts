// The review tiers of a case: awaiting_review → escalated → the expiry action, unless a decision or a newer
// message of the conversation lands first. Sandbox code: called by the case workflow.
import { condition } from '@temporalio/workflow';
import { notifySupervisors, sendReply } from './case-activities.js';
import { WHATSAPP_WINDOW_MARGIN_MS, WHATSAPP_WINDOW_MS, type CasePolicy } from './case-policy.js';
import type { CaseState, CaseTimeouts, InboundMessage, Stage } from './contract.js';
import { parseDuration } from './duration.js';
import { tierDeadline } from './review-policy.js';

export interface ReviewContext {
  state: CaseState;
  message: InboundMessage;
  policy: CasePolicy;
  /** Tiers pinned by the workflow input (tests pass tiny ones). */
  timeouts?: Partial<CaseTimeouts>;
  superseded(): boolean;
  enter(stage: Stage, event: string, detail?: Record<string, unknown>): Promise<void>;
  publish(event: string, detail?: Record<string, unknown>): Promise<void>;
}

export async function awaitDecision(ctx: ReviewContext): Promise<void> {
  const { state, message, policy } = ctx;
  const timeouts = { ...policy.timeouts[message.channel], ...ctx.timeouts };
  const windowClosesAt = message.channel === 'whatsapp'
    ? Date.parse(message.receivedAt) + WHATSAPP_WINDOW_MS - WHATSAPP_WINDOW_MARGIN_MS
    : null;
  const tiers = [
    { stage: 'awaiting_review' as const, level: 0, timeout: timeouts.review, event: 'review_requested' },
    { stage: 'escalated' as const, level: 1, timeout: timeouts.escalation, event: 'escalated' },
  ];
  for (const tier of tiers) {
    const deadline = tierDeadline(Date.now(), parseDuration(tier.timeout), windowClosesAt);
    if (deadline <= Date.now()) break;
    state.escalationLevel = tier.level;
    state.deadline = new Date(deadline).toISOString();
    if (tier.level > 0) state.claim = null;
    await ctx.enter(tier.stage, tier.event, tier.level > 0 && state.escalationRequest ? { ...state.escalationRequest } : undefined);
    if (tier.level > 0) await notifySupervisors({ caseId: state.caseId, level: tier.level, deadline: state.deadline });
    // A supervisor's escalation ends the first tier early; a decision or a newer message ends the wait.
    const escalatedByHand = () => tier.level === 0 && Boolean(state.escalationRequest);
    const woke = await condition(() => state.decision !== null || ctx.superseded() || escalatedByHand(), deadline - Date.now());
    if (woke && (state.decision !== null || ctx.superseded())) break;
  }
  if (state.decision) return ctx.publish('decided', { decision: state.decision });
  if (ctx.superseded()) return;
  await expire(ctx);
}

async function expire({ state, message, policy, enter }: ReviewContext): Promise<void> {
  state.deadline = null;
  state.claim = null;
  const windowOpen = message.channel !== 'whatsapp' || Date.now() < Date.parse(message.receivedAt) + WHATSAPP_WINDOW_MS;
  if (policy.expiry.action === 'holding_reply' && windowOpen) {
    state.reply = policy.expiry.holdingReply;
    await sendReply({ caseId: state.caseId, text: state.reply });
  }
  await enter('expired', 'expired', { action: policy.expiry.action });
}
