// Carrier keywords as Twilio's default Advanced Opt-Out recognises them: the whole message is the keyword,
// in any case, with surrounding spaces or punctuation. Twilio answers these itself (and blocks later sends
// to a number that opted out), so the assistant never does. Pure: the case workflow imports it.
import type { BlockedReason, Channel } from '../domain/case.js';

const KEYWORDS: Record<string, BlockedReason> = {
  stop: 'opt_out', stopall: 'opt_out', 'stop all': 'opt_out', unsubscribe: 'opt_out', cancel: 'opt_out',
  end: 'opt_out', quit: 'opt_out', optout: 'opt_out', 'opt out': 'opt_out', revoke: 'opt_out',
  start: 'opt_in', yes: 'opt_in', unstop: 'opt_in', optin: 'opt_in', 'opt in': 'opt_in',
  help: 'help', info: 'help',
};

/** The keyword a message is, or null. Only SMS and WhatsApp have carrier keywords. */
export function optKeyword(channel: Channel, body: string): BlockedReason | null {
  if (channel !== 'sms' && channel !== 'whatsapp') return null;
  const word = body.trim().toLowerCase().replace(/^[\s.!?,;:'"]+|[\s.!?,;:'"]+$/g, '').replace(/\s+/g, ' ');
  return KEYWORDS[word] ?? null;
}
