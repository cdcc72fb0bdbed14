import { describe, expect, it } from 'vitest';
import { screenOutbound } from '../../guardrails/screen-outbound.js';

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
