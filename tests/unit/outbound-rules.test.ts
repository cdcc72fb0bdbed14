import { describe, expect, it } from 'vitest';
import { screenOutbound } from '../../guardrails/screen-outbound.js';
import { findPii, redactWithTokens, restoreTokens } from '../../guardrails/pii.js';
import { DecisionErrors } from '../../domain/case.js';
import { refuseDecision } from '../../workflows/review-rules.js';

describe('screenOutbound', () => {
  it('passes an ordinary helpful reply', () => {
    expect(screenOutbound('Your parcel left our warehouse today and should arrive within two days.', '').verdict).toBe('clean');
  });

  it('blocks guarantees, refund and pricing promises', () => {
    for (const reply of ['I guarantee it will arrive tomorrow.', 'You will get a 100% refund.', 'We will match any price you find.', 'This repair is free of charge.']) {
      expect(screenOutbound(reply, '').verdict, reply).toBe('block');
    }
  });

  it('blocks PII tokens and PII that did not come from this customer', () => {
    expect(screenOutbound('We emailed ⟨EMAIL_1⟩ the details.', '').findings.map((f) => f.rule)).toEqual(['outbound.leaked_token']);
    expect(screenOutbound('I sent it to other.person@example.com', 'my email is me@example.com').verdict).toBe('block');
    expect(screenOutbound('I sent it to me@example.com', 'my email is me@example.com').verdict).toBe('clean');
  });

  it('warns, without blocking, on promises of features to come', () => {
    expect(screenOutbound('Dark mode is coming soon!', '').verdict).toBe('warn');
  });
});

describe('outbound rule modes from the rule set in force', () => {
  const reply = 'We guarantee your parcel arrives tomorrow.';

  it('blocks by default, warns or ignores when an admin says so', () => {
    expect(screenOutbound(reply, '').verdict).toBe('block');
    expect(screenOutbound(reply, '', { 'outbound.guarantee': 'warn' }).verdict).toBe('warn');
    expect(screenOutbound(reply, '', { 'outbound.guarantee': 'off' })).toEqual({ verdict: 'clean', findings: [] });
  });

  it('lets a reviewer send an edit whose rule was turned down to a warning', () => {
    const state = { stage: 'awaiting_review', draft: 'Your parcel is on its way.', claim: null } as const;
    const edit = { decision: 'edit', reviewer: 'r@example.com', text: reply } as const;
    expect(refuseDecision(state as never, edit, Date.now(), '')?.code).toBe(DecisionErrors.outboundBlocked);
    expect(refuseDecision(state as never, edit, Date.now(), '', { 'outbound.guarantee': 'warn' })).toBeNull();
  });
});

describe('PII tokens in replies', () => {
  it('lets a reply use the customer\'s own tokens and blocks any other token', () => {
    const inbound = 'Send it to ana@example.com please';
    expect(screenOutbound('We will write to ⟨EMAIL_1⟩ today.', inbound).verdict).toBe('clean');
    expect(screenOutbound('We will write to ⟨EMAIL_2⟩ today.', inbound).findings.map((f) => f.rule)).toEqual(['outbound.leaked_token']);
  });

  it('puts the customer\'s values back, leaving unknown tokens alone', () => {
    const inbound = 'Call +44 20 7946 0958 or mail ana@example.com';
    const { text, values } = redactWithTokens(inbound, findPii(inbound));
    expect(text).toBe('Call ⟨PHONE_1⟩ or mail ⟨EMAIL_1⟩');
    expect(restoreTokens('We will call ⟨PHONE_1⟩ and mail ⟨EMAIL_1⟩, not ⟨EMAIL_9⟩.', values)).toBe(
      'We will call +44 20 7946 0958 and mail ana@example.com, not ⟨EMAIL_9⟩.',
    );
  });
});
