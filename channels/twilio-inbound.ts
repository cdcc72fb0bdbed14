// What Twilio's inbound message webhook posts, as a Countersign message. Pure: the webhook calls it, unit
// tests feed it the fields Twilio really sends (NumMedia, MediaUrl0, MediaContentType0, ProfileName, WaId…).
import type { Attachment, InboundMessage } from '../domain/case.js';
import { channelOfTwilioAddress } from './addresses.js';

/** Twilio allows at most 10 media per message; anything beyond is not Twilio's. */
const MAX_MEDIA = 10;

export class InvalidWebhookError extends Error {}

const TWILIO_SID = /^[A-Za-z0-9]{1,64}$/;
const TWILIO_ADDRESS = /^[A-Za-z0-9:+._@-]{1,64}$/;

export function inboundFromTwilio(params: Record<string, string>, receivedAt: string): InboundMessage {
  const { MessageSid: sid, From: from, To: to } = params;
  if (!sid || !from || !to) throw new InvalidWebhookError('MessageSid, From and To are required');
  // What Twilio sends: a SID of letters and digits, and addresses like +15551234567 or whatsapp:+4915…
  // Anything else is not from Twilio, and would not fit where the case stores it.
  if (!TWILIO_SID.test(sid)) throw new InvalidWebhookError('MessageSid must be letters and digits, at most 64');
  for (const [name, value] of [['From', from], ['To', to]] as const) {
    if (!TWILIO_ADDRESS.test(value)) throw new InvalidWebhookError(`${name} must be a phone number or channel address (e.g. whatsapp:+15551234567), at most 64 characters`);
  }
  const attachments: Attachment[] = [];
  const declared = Math.min(Number.parseInt(params.NumMedia ?? '0', 10) || 0, MAX_MEDIA);
  for (let index = 0; index < declared; index++) {
    const url = params[`MediaUrl${index}`];
    if (url) attachments.push({ url, contentType: params[`MediaContentType${index}`] || 'application/octet-stream' });
  }
  const message: InboundMessage = {
    channel: channelOfTwilioAddress(from),
    providerMessageId: sid,
    from,
    to,
    body: params.Body ?? '',
    receivedAt,
  };
  if (attachments.length) message.attachments = attachments;
  const profileName = params.ProfileName?.trim();
  if (profileName) message.profileName = profileName.slice(0, 120);
  return message;
}
