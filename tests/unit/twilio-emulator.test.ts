import { describe, expect, it } from 'vitest';
import { newSid, segmentCount } from '../../api/emulator/twilio-resources.js';
import { bareAddress, channelOfTwilioAddress } from '../../channels/addresses.js';

describe('Twilio emulator resources', () => {
  it('makes message SIDs shaped like Twilio\'s', () => {
    expect(newSid('SM')).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('counts SMS segments as carriers do: 160 GSM-7 characters, or 70 with any other character', () => {
    expect(segmentCount('a'.repeat(160))).toBe(1);
    expect(segmentCount('a'.repeat(161))).toBe(2);
    expect(segmentCount('ü'.repeat(160))).toBe(1);
    expect(segmentCount(`${'a'.repeat(69)}✓`)).toBe(1);
    expect(segmentCount(`${'a'.repeat(70)}✓`)).toBe(2);
  });
});

describe('Twilio addresses', () => {
  it('tells WhatsApp from SMS by the whatsapp: prefix', () => {
    expect(channelOfTwilioAddress('whatsapp:+14155550100')).toBe('whatsapp');
    expect(channelOfTwilioAddress('+14155550100')).toBe('sms');
    expect(bareAddress('whatsapp:+14155550100')).toBe('+14155550100');
  });
});
