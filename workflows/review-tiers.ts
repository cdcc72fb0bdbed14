// The review tiers of a case: awaiting_review → escalated → the expiry action, unless a decision or a newer
// message of the conversation lands first. Sandbox code: called by the case workflow.
import { condition } from '@temporalio/workflow';
import { parseDuration } from '../domain/duration.js';
import { WHATSAPP_WINDOW_MARGIN_MS, WHATSAPP_WINDOW_MS } from '../domain/policy.js';
import type { Case } from './case.js';
import { notifySupervisors, sendReply } from './case-activities.js';
import { tierDeadline } from './review-rules.js';

export async function awaitDecision(kase: Case): Promise<void> {
  const { state, message, policy } = kase;
  const timeouts = { ...policy.timeouts[message.channel], ...kase.input.timeouts };
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
    await kase.enter(tier.stage, tier.event, tier.level > 0 && state.escalationRequest ? { ...state.escalationRequest } : undefined);
    if (tier.level > 0) await notifySupervisors({ caseId: state.caseId, level: tier.level, deadline: state.deadline });
    // A supervisor's escalation ends the first tier early; a decision or a newer message ends the wait.
    const escalatedByHand = () => tier.level === 0 && Boolean(state.escalationRequest);
    const woke = await condition(() => state.decision !== null || kase.superseded || escalatedByHand(), deadline - Date.now());
    if (woke && (state.decision !== null || kase.superseded)) break;
  }
  if (state.decision) return kase.publish('decided', { decision: state.decision });
  if (kase.superseded) return;
  await expire(kase);
}

async function expire(kase: Case): Promise<void> {
  const { state, message, policy } = kase;
  state.deadline = null;
  state.claim = null;
  const windowOpen = message.channel !== 'whatsapp' || Date.now() < Date.parse(message.receivedAt) + WHATSAPP_WINDOW_MS;
  if (policy.expiry.action === 'holding_reply' && windowOpen) {
    state.reply = policy.expiry.holdingReply;
    await sendReply({ caseId: state.caseId, text: state.reply });
  }
  await kase.enter('expired', 'expired', { action: policy.expiry.action });
}
