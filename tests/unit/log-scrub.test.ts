import { describe, expect, it } from 'vitest';
import { scrub } from '../../runtime/logger.js';

describe('what a log line keeps of a value', () => {
  it('tokenises the customer\'s PII in every string, the way the drafter sees it', () => {
    expect(scrub('write to jane.doe@example.com or call +1 555 123 4567')).toBe('write to ⟨EMAIL_1⟩ or call ⟨PHONE_1⟩');
    expect(scrub({ from: '+15551234567', reply: { text: 'sent to jane.doe@example.com' } })).toEqual({ from: '⟨PHONE_1⟩', reply: { text: 'sent to ⟨EMAIL_1⟩' } });
  });

  it('drops secrets by key, and what is nested too deep to check', () => {
    expect(scrub({ password: 'hunter2', authorization: 'Bearer x', user: 'admin' })).toEqual({ password: '[redacted]', authorization: '[redacted]', user: 'admin' });
    expect(scrub({ a: { b: { c: { d: { e: 'jane.doe@example.com' } } } } })).toEqual({ a: { b: { c: { d: '[truncated]' } } } });
  });

  it('keeps an error readable: its type, code and cause, with PII tokenised in messages', () => {
    const error = Object.assign(new TypeError('no reply for jane.doe@example.com'), { code: 'E_SEND', cause: new Error('refused') });
    expect(scrub(error)).toMatchObject({ type: 'TypeError', code: 'E_SEND', message: 'no reply for ⟨EMAIL_1⟩', cause: { type: 'Error', message: 'refused' } });
    expect(scrub(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
