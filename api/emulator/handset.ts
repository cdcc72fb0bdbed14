// The customer's side of the emulator: what the console's Phone page sends as a handset, and the thread a
// handset sees. An inbound message is stored like Twilio stores it and delivered to our own messages webhook,
// signed the way Twilio signs it, so it takes exactly the path a real customer's message takes.
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmulatorMessageSchema, type EmulatorMessage } from '../../db/entities/index.js';
import { isE164, normalisePhoneNumber } from '../../channels/addresses.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import type { ApiDeps } from '../deps.js';
import { keywordReply } from './carrier-keywords.js';
import { notifyHandset } from './handset-events.js';
import { postAsTwilio } from './post-as-twilio.js';
import { API_VERSION, newSid } from './twilio-resources.js';
import { MAX_REPLY_LENGTH } from '../../domain/case.js';

export interface HandsetMessageInput {
  /** The customer's number, e.g. +15551234567. */
  number: string;
  channel: 'sms' | 'whatsapp';
  body: string;
  /** WhatsApp shows the sender's profile name; Twilio passes it as ProfileName. */
  profileName?: string;
}

export class HandsetInputError extends Error {}


export function handsetAddress(channel: 'sms' | 'whatsapp', number: string): string {
  return channel === 'whatsapp' ? `whatsapp:${number}` : number;
}

export async function sendFromHandset(deps: ApiDeps, input: HandsetMessageInput): Promise<EmulatorMessage> {
  const number = normalisePhoneNumber(input.number);
  if (!isE164(number)) throw new HandsetInputError(`"${input.number}" is not a phone number in international format, e.g. +15551234567`);
  const body = input.body.trim();
  if (!body) throw new HandsetInputError('write a message first');
  if (body.length > MAX_REPLY_LENGTH) throw new HandsetInputError(`a message is at most ${MAX_REPLY_LENGTH} characters`);

  const em = deps.orm.em.fork();
  const message = em.create(EmulatorMessageSchema, {
    sid: newSid('SM'),
    accountSid: deps.config.twilio.accountSid,
    direction: 'inbound',
    from: handsetAddress(input.channel, number),
    to: handsetAddress(input.channel, EMULATOR_BUSINESS_NUMBER),
    body,
    status: 'receiving',
    statusCallback: null,
    numSegments: 1,
    errorCode: null,
  });
  await em.flush();
  const params: Record<string, string> = {
    AccountSid: message.accountSid, ApiVersion: API_VERSION, Body: body, From: message.from, To: message.to,
    MessageSid: message.sid, SmsMessageSid: message.sid, SmsSid: message.sid, NumMedia: '0', NumSegments: '1',
    SmsStatus: 'received',
  };
  if (input.channel === 'whatsapp') {
    params.WaId = number.slice(1);
    if (input.profileName?.trim()) params.ProfileName = input.profileName.trim();
  }
  const path = '/webhooks/twilio/messages';
  // Signed for the public URL Twilio would call; delivered to this very API, wherever PUBLIC_URL points.
  const response = await postAsTwilio(`http://127.0.0.1:${deps.config.port}${path}`, params, deps.config.twilio.authToken, deps.config.publicUrl + path)
    .catch((error: Error) => ({ ok: false, status: 0, statusText: error.message }));
  message.status = response.ok ? 'received' : 'failed';
  // 11200 is Twilio's "HTTP retrieval failure": what a real number shows when the webhook is down.
  if (!response.ok) Object.assign(message, { errorCode: 11200, errorMessage: `webhook answered ${response.status || response.statusText}` });
  await em.flush();
  await notifyHandset(em, message);
  const automatic = keywordReply(message.from, body);
  if (automatic) await twilioAnswers(em, message, automatic);
  return message;
}

/** Twilio's own answer to a carrier keyword: sent from the business number, delivered at once. */
async function twilioAnswers(em: EntityManager, inbound: EmulatorMessage, body: string): Promise<void> {
  const reply = em.create(EmulatorMessageSchema, {
    sid: newSid('SM'), accountSid: inbound.accountSid, direction: 'outbound-reply', from: inbound.to, to: inbound.from, body,
    status: 'delivered', statusCallback: null, numSegments: 1, errorCode: null,
  });
  await em.flush();
  await notifyHandset(em, reply);
}

/** Everything a handset sent and received, oldest first. */
export function handsetThread(em: EntityManager, address: string, limit = 200): Promise<EmulatorMessage[]> {
  return em.find(EmulatorMessageSchema, { $or: [{ from: address }, { to: address }] }, { orderBy: { dateCreated: 'asc' }, limit });
}
