import { describe, expect, it } from 'vitest';
import { deliveryPlan } from '../../api/emulator/twilio-delivery.js';
import { newSid } from '../../api/emulator/twilio-resources.js';
import { bareAddress, channelOfTwilioAddress } from '../../channels/addresses.js';

describe('Twilio emulator resources', () => {
  it('makes message SIDs shaped like Twilio\'s', () => {
    expect(newSid('SM')).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('delivers like a carrier: sent then delivered, read on WhatsApp, and undelivered to reserved test numbers', () => {
    expect(deliveryPlan({ to: '+14155550100' }).map((s) => s.status)).toEqual(['sent', 'delivered']);
    expect(deliveryPlan({ to: 'whatsapp:+14155550100' }).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(deliveryPlan({ to: '+15005550006' }).at(-1)).toEqual({ status: 'undelivered', errorCode: 30003, errorMessage: 'Unreachable destination handset' });
  });
});

describe('Twilio addresses', () => {
  it('tells WhatsApp from SMS by the whatsapp: prefix', () => {
    expect(channelOfTwilioAddress('whatsapp:+14155550100')).toBe('whatsapp');
    expect(channelOfTwilioAddress('+14155550100')).toBe('sms');
    expect(bareAddress('whatsapp:+14155550100')).toBe('+14155550100');
  });
});
