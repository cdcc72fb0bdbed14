import type { Channel } from '../workflows/contract.js';

/** Twilio prefixes WhatsApp addresses with `whatsapp:`; everything else on the messages webhook is SMS. */
export function channelOfTwilioAddress(from: string): Extract<Channel, 'sms' | 'whatsapp'> {
  return from.toLowerCase().startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/** The address without a channel prefix, so the same phone number is one customer on SMS and WhatsApp. */
export function bareAddress(address: string): string {
  return address.replace(/^[a-z]+:/i, '').trim();
}
