import { describe, expect, it } from 'vitest';
import type { CaseState, ReviewDecision } from '../../workflows/contract.js';
import { DEFAULT_ROUTING_POLICY, refuseDecision, replyFor, routeDraft } from '../../workflows/review-policy.js';

const awaiting: Pick<CaseState, 'stage' | 'decision' | 'draft'> = { stage: 'awaiting_review', decision: null, draft: 'Your order ships today.' };
const approve: ReviewDecision = { decision: 'approve', reviewer: 'rev@example.com' };

describe('routeDraft', () => {
  it('sends a confident draft on its own', () => {
    expect(routeDraft({ intent: 'order_status', confidence: 0.95 })).toBe('auto_send');
  });

  it('holds a draft below the threshold for a human', () => {
    expect(routeDraft({ intent: 'order_status', confidence: DEFAULT_ROUTING_POLICY.autoSendThreshold - 0.01 })).toBe('review');
  });

  it('always holds never-auto intents such as refunds, however confident', () => {
    expect(routeDraft({ intent: 'refund', confidence: 1 })).toBe('review');
  });

  it('holds a draft the drafter itself says needs a human', () => {
    expect(routeDraft({ intent: 'order_status', confidence: 0.99, needsHuman: true })).toBe('review');
  });
});

describe('refuseDecision', () => {
  it('accepts an approval while the case awaits review or is escalated', () => {
    expect(refuseDecision(awaiting, approve)).toBeNull();
    expect(refuseDecision({ ...awaiting, stage: 'escalated' }, approve)).toBeNull();
  });

  it('refuses any decision once the case has moved on', () => {
    for (const stage of ['drafting', 'sending', 'sent', 'expired'] as const) {
      expect(refuseDecision({ ...awaiting, stage }, approve)?.code).toBe('NOT_AWAITING_REVIEW');
    }
  });

  it('refuses a second decision and names the first', () => {
    const decided = { ...awaiting, decision: { decision: 'reject' as const, reviewer: 'a@example.com', reason: null, decisionId: null } };
    expect(refuseDecision(decided, approve)?.message).toMatch(/reject by a@example.com/);
  });

  it('refuses an edit without text, an unknown decision and a missing reviewer as bad input', () => {
    expect(refuseDecision(awaiting, { decision: 'edit', reviewer: 'r', text: ' ' })?.code).toBe('BAD_INPUT');
    expect(refuseDecision(awaiting, { decision: 'maybe' as never, reviewer: 'r' })?.code).toBe('BAD_INPUT');
    expect(refuseDecision(awaiting, { decision: 'approve', reviewer: '' })?.code).toBe('BAD_INPUT');
  });

  it('refuses to approve when there is no draft to send', () => {
    expect(refuseDecision({ ...awaiting, draft: null }, approve)?.code).toBe('BAD_INPUT');
  });
});

describe('replyFor', () => {
  it('sends the draft on approve, the trimmed text on edit, nothing on reject', () => {
    expect(replyFor(approve, 'draft')).toBe('draft');
    expect(replyFor({ decision: 'edit', reviewer: 'r', text: '  new text ' }, 'draft')).toBe('new text');
    expect(replyFor({ decision: 'reject', reviewer: 'r' }, 'draft')).toBeNull();
  });
});
