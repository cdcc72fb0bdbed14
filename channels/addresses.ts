import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel } from '../domain/case.js';

/** Twilio prefixes WhatsApp addresses with `whatsapp:`; everything else on the messages webhook is SMS. */
export function channelOfTwilioAddress(from: string): Extract<Channel, 'sms' | 'whatsapp'> {
  return from.toLowerCase().startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/**
 * How people write numbers ("+44 (0) 20 7946 0000") as Twilio writes them ("+442079460000"), so a linked
 * identity matches the `From` of the customer's next message. libphonenumber knows each country's trunk
 * prefix. Possible is enough, valid is not required: the +1 555 and Ofcom drama ranges that tests and the
 * Twilio emulator use are "invalid" yet real to Twilio; what is not even possible keeps its digits as written.
 */
export function normalisePhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  const parsed = trimmed.startsWith('+') ? parsePhoneNumberFromString(trimmed) : undefined;
  return parsed?.isPossible() ? parsed.number : trimmed.replace(/[\s().-]/g, '');
}

/** An international number as Twilio takes it: +, country code, up to 15 digits in all. */
export function isE164(number: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(number);
}

/** The address without a channel prefix, so the same phone number is one customer on SMS and WhatsApp. */
export function bareAddress(address: string): string {
  return address.replace(/^[a-z]+:/i, '').trim();
}
