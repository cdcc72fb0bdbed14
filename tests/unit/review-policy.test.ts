import { describe, expect, it } from 'vitest';
import { defaultPolicy, mergePolicy } from '../../domain/policy.js';
import type { CaseState, ReviewDecision } from '../../domain/case.js';
import { refuseClaim, refuseDecision, replyFor, routeDraft, tierDeadline } from '../../workflows/review-rules.js';

const routing = defaultPolicy().routing;
const now = Date.parse('2026-01-01T12:00:00Z');
const awaiting: Pick<CaseState, 'stage' | 'decision' | 'draft' | 'claim'> = {
  stage: 'awaiting_review', decision: null, draft: 'Your order ships today.', claim: null,
};
const approve: ReviewDecision = { decision: 'approve', reviewer: 'rev@example.com' };
const clean = { outboundVerdict: 'clean' as const };

describe('routeDraft', () => {
  it('sends a confident, clean draft on its own', () => {
    expect(routeDraft({ intent: 'order_status', confidence: 0.95, ...clean }, routing).route).toBe('auto_send');
  });

  it('holds a draft below the threshold, or below its intent\'s own threshold', () => {
    expect(routeDraft({ intent: 'order_status', confidence: 0.89, ...clean }, routing).route).toBe('review');
    const strict = { ...routing, thresholds: { delivery: 0.99 } };
    expect(routeDraft({ intent: 'delivery', confidence: 0.95, ...clean }, strict).route).toBe('review');
  });

  it('always holds never-auto intents such as refunds, however confident', () => {
    expect(routeDraft({ intent: 'refund', confidence: 1, ...clean }, routing).route).toBe('review');
  });

  it('holds a draft that breaks or brushes an outbound rule, or that the drafter says needs a human', () => {
    expect(routeDraft({ intent: 'order_status', confidence: 0.99, outboundVerdict: 'warn' }, routing).route).toBe('review');
    expect(routeDraft({ intent: 'order_status', confidence: 0.99, needsHuman: true, ...clean }, routing).route).toBe('review');
  });

  it('in shadow mode holds every draft and says whether it would have gone alone', () => {
    const shadow = { ...routing, shadowIntents: ['order_status'] };
    expect(routeDraft({ intent: 'order_status', confidence: 0.95, ...clean }, shadow)).toEqual({ route: 'review', wouldAutoSend: true });
    expect(routeDraft({ intent: 'order_status', confidence: 0.5, ...clean }, shadow)).toEqual({ route: 'review', wouldAutoSend: false });
  });
});

describe('refuseDecision', () => {
  it('accepts an approval while the case awaits review or is escalated', () => {
    expect(refuseDecision(awaiting, approve, now)).toBeNull();
    expect(refuseDecision({ ...awaiting, stage: 'escalated' }, approve, now)).toBeNull();
  });

  it('refuses any decision once the case has moved on', () => {
    for (const stage of ['drafting', 'sending', 'sent', 'expired', 'superseded'] as const) {
      expect(refuseDecision({ ...awaiting, stage }, approve, now)?.code).toBe('NOT_AWAITING_REVIEW');
    }
  });

  it('refuses a second decision and names the first', () => {
    const decided = { ...awaiting, decision: { decision: 'reject' as const, reviewer: 'a@example.com', reason: null, decisionId: null } };
    expect(refuseDecision(decided, approve, now)?.message).toMatch(/reject by a@example.com/);
  });

  it('refuses an edit without text, an unknown decision and a missing reviewer as bad input', () => {
    expect(refuseDecision(awaiting, { decision: 'edit', reviewer: 'r', text: ' ' }, now)?.code).toBe('BAD_INPUT');
    expect(refuseDecision(awaiting, { decision: 'maybe' as never, reviewer: 'r' }, now)?.code).toBe('BAD_INPUT');
    expect(refuseDecision(awaiting, { decision: 'approve', reviewer: '' }, now)?.code).toBe('BAD_INPUT');
  });

  it('refuses to approve when there is no draft to send', () => {
    expect(refuseDecision({ ...awaiting, draft: null }, approve, now)?.code).toBe('BAD_INPUT');
  });

  it('refuses an edit that promises what the business cannot', () => {
    const refusal = refuseDecision(awaiting, { decision: 'edit', reviewer: 'r', text: 'We promise a full refund is guaranteed.' }, now);
    expect(refusal).toMatchObject({ code: 'OUTBOUND_BLOCKED', message: expect.stringContaining('outbound.guarantee') });
  });

  it('refuses someone else while a claim holds, and nobody once it lapses', () => {
    const claimed = { ...awaiting, claim: { reviewer: 'alice@example.com', until: new Date(now + 60_000).toISOString() } };
    expect(refuseDecision(claimed, approve, now)?.code).toBe('CLAIMED_BY_OTHER');
    expect(refuseDecision(claimed, { ...approve, reviewer: 'alice@example.com' }, now)).toBeNull();
    expect(refuseDecision(claimed, approve, now + 61_000)).toBeNull();
  });
});

describe('refuseClaim', () => {
  it('lets a reviewer claim a free case and refuses a second reviewer', () => {
    expect(refuseClaim(awaiting, { reviewer: 'alice@example.com' }, now)).toBeNull();
    const claimed = { ...awaiting, claim: { reviewer: 'alice@example.com', until: new Date(now + 60_000).toISOString() } };
    expect(refuseClaim(claimed, { reviewer: 'bob@example.com' }, now)?.code).toBe('CLAIMED_BY_OTHER');
  });

  it('only lets the holder release', () => {
    const claimed = { ...awaiting, claim: { reviewer: 'alice@example.com', until: new Date(now + 60_000).toISOString() } };
    expect(refuseClaim(claimed, { reviewer: 'alice@example.com' }, now, true)).toBeNull();
    expect(refuseClaim(awaiting, { reviewer: 'alice@example.com' }, now, true)?.code).toBe('BAD_INPUT');
  });
});

describe('replyFor and tierDeadline', () => {
  it('sends the draft on approve, the trimmed text on edit, nothing on reject', () => {
    expect(replyFor(approve, 'draft')).toBe('draft');
    expect(replyFor({ decision: 'edit', reviewer: 'r', text: '  new text ' }, 'draft')).toBe('new text');
    expect(replyFor({ decision: 'reject', reviewer: 'r' }, 'draft')).toBeNull();
  });

  it('caps a deadline at the WhatsApp window', () => {
    expect(tierDeadline(now, 3_600_000, null)).toBe(now + 3_600_000);
    expect(tierDeadline(now, 3_600_000, now + 600_000)).toBe(now + 600_000);
  });
});

describe('mergePolicy', () => {
  it('lays stored overrides over the defaults section by section, keeping what was not changed', () => {
    const merged = mergePolicy(defaultPolicy(), { routing: { ...routing, shadowIntents: ['delivery'] }, claimTtl: '5m' }, 7);
    expect(merged.version).toBe(7);
    expect(merged.routing.shadowIntents).toEqual(['delivery']);
    expect(merged.routing.neverAutoIntents).toContain('refund');
    expect(merged.claimTtl).toBe('5m');
    expect(merged.expiry.action).toBe('holding_reply');
  });
});
