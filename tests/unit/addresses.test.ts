// Phone numbers as people type them, in the form Twilio uses in `From`, so identities match across channels.
import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber } from '../../channels/addresses.js';

describe('normalising a phone number', () => {
  it.each([
    ['+44 (0) 20 7946 0000', '+442079460000'],
    ['+44 (0) 7700 900123', '+447700900123'],
    ['+49 (0)30 123456', '+4930123456'],
    ['+61 (0)4 1234 5678', '+61412345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['  +1 (202) 555-0143 ', '+12025550143'],
  ])('writes %s as %s', (written, e164) => {
    expect(normalisePhoneNumber(written)).toBe(e164);
  });

  it('keeps test numbers libphonenumber deems invalid, without punctuation', () => {
    expect(normalisePhoneNumber('+1 (555) 010-0199')).toBe('+15550100199');
    expect(normalisePhoneNumber('+15550000000')).toBe('+15550000000');
    expect(normalisePhoneNumber('+12 34')).toBe('+1234');
  });
});
