import twilio from 'twilio';
import { randomBytes } from 'node:crypto';

export function messageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** A random North American test number, so tests never share a conversation by accident. */
export function customerNumber(): string {
  return `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

/** POSTs form params to a Twilio webhook, signed the way Twilio signs: over `publicUrl + path`. */
export async function postTwilioWebhook(
  baseUrl: string,
  publicUrl: string,
  path: string,
  authToken: string,
  params: Record<string, string>,
  options: { signature?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const signature = options.signature ?? twilio.getExpectedTwilioSignature(authToken, publicUrl + path, params);
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, ...options.headers },
    body: new URLSearchParams(params),
  });
}

export function inboundSms(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    MessageSid: messageSid(),
    AccountSid: 'AC00000000000000000000000000000000',
    From: customerNumber(),
    To: '+15550000000',
    Body: 'Hi, where is my order 1234?',
    NumMedia: '0',
    ...overrides,
  } as Record<string, string>;
}
