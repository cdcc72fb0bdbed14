// Twilio's REST resource shapes, so the official SDK parses the emulator's answers unchanged.
import { randomBytes } from 'node:crypto';
import type { EmulatorMessage } from '../../db/entities/index.js';

export const API_VERSION = '2010-04-01';

export function newSid(prefix: 'SM' | 'MM'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Twilio's dates are RFC 2822: "Thu, 30 Jul 2015 20:12:31 +0000". */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export function messageResource(message: EmulatorMessage) {
  const base = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.dateCreated),
    date_sent: message.status === 'queued' || message.status === 'accepted' ? null : rfc2822(message.dateUpdated),
    date_updated: rfc2822(message.dateUpdated),
    direction: message.direction,
    error_code: message.errorCode,
    error_message: message.errorMessage ?? null,
    from: message.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: message.to,
    uri: `${base}.json`,
  };
}

/** Twilio's error body, e.g. `{"code": 20404, "message": "...", "more_info": "...", "status": 404}`. */
export function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
