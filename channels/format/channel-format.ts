// Turns an approved draft into the message bodies a channel can carry. Runs in the send activity and may be
// imported by workflow code, so it stays pure: no Node built-ins, no I/O, no clock, no randomness.
import { smsSegments, toGsm7Friendly, type SmsEncoding } from './gsm7.js';
import { toPlainText, toWhatsApp } from './markdown.js';
import { codePointLength, splitMessage, type Measure } from './split.js';
import { MAX_REPLY_LENGTH } from '../../domain/case.js';

export type ReplyChannel = 'sms' | 'whatsapp' | 'webchat' | 'email';

/** Longest body one outbound message may have, per channel. */
export const CHANNEL_LIMITS = {
  // Twilio rejects a longer Body with error 21617; it splits SMS into carrier segments itself.
  sms: MAX_REPLY_LENGTH,
  whatsapp: MAX_REPLY_LENGTH,
  // Our own chat widget; a cap keeps one runaway draft from becoming one enormous bubble.
  webchat: 4000,
} as const satisfies Record<string, number>;

export interface FormattedReply {
  /** Message bodies to send in order; empty when the draft had no text. */
  parts: string[];
  /** SMS only: UCS-2 when any part needs it, since that is what the customer is billed for. */
  encoding?: SmsEncoding;
  /** SMS only: carrier segments across all parts. */
  segments?: number;
}

// Twilio counts an emoji as more than one character against its 1600 limit, so Twilio-bound bodies are
// measured in UTF-16 code units, which is never less than what Twilio counts.
const utf16Length: Measure = (text) => text.length;

export function formatReply(channel: ReplyChannel, text: string): FormattedReply {
  switch (channel) {
    case 'sms': {
      const parts = splitMessage(toGsm7Friendly(toPlainText(text)), CHANNEL_LIMITS.sms, utf16Length);
      const counts = parts.map(smsSegments);
      return {
        parts,
        encoding: counts.some((count) => count.encoding === 'UCS-2') ? 'UCS-2' : 'GSM-7',
        segments: counts.reduce((total, count) => total + count.segments, 0),
      };
    }
    case 'whatsapp':
      return { parts: splitMessage(toWhatsApp(text), CHANNEL_LIMITS.whatsapp, utf16Length) };
    case 'webchat':
    case 'email':
      // Markdown is left for the renderer at the other end. Email has no hard limit of its own and shares
      // the web chat cap.
      return { parts: splitMessage(text, CHANNEL_LIMITS.webchat, codePointLength) };
    default:
      return unknownChannel(channel);
  }
}

function unknownChannel(channel: never): never {
  throw new Error(`no reply format for channel ${String(channel)}`);
}
