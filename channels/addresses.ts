import type { Channel } from '../workflows/contract.js';

/** Twilio prefixes WhatsApp addresses with `whatsapp:`; everything else on the messages webhook is SMS. */
export function channelOfTwilioAddress(from: string): Extract<Channel, 'sms' | 'whatsapp'> {
  return from.toLowerCase().startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/** How people write numbers ("+1 (555) 010-0199") as Twilio writes them ("+15550100199"). */
export function normalisePhoneNumber(raw: string): string {
  return raw.trim().replace(/[\s().-]/g, '');
}

/** An international number as Twilio takes it: +, country code, up to 15 digits in all. */
export function isE164(number: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(number);
}

/** The address without a channel prefix, so the same phone number is one customer on SMS and WhatsApp. */
export function bareAddress(address: string): string {
  return address.replace(/^[a-z]+:/i, '').trim();
}
