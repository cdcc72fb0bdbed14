import type { Channel } from '../domain/case.js';

export interface OutboundReply {
  caseId: string;
  channel: Channel;
  /** Addresses as the provider spells them, e.g. `whatsapp:+4915…` or `+1555…`. */
  to: string;
  from: string;
  body: string;
}

export interface SentReply {
  providerMessageId: string;
  status: string;
}

/**
 * The provider refused this message for good (Twilio answers 4xx: an unsubscribed recipient, an invalid
 * number): sending it again cannot help, so the case records why instead of retrying.
 */
export class ProviderRefusal extends Error {
  override name = 'ProviderRefusal';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Sends replies to customers: over Twilio's REST API (or its built-in emulator), or into the web chat. */
export interface ReplySender {
  send(reply: OutboundReply): Promise<SentReply>;
  /**
   * A message to `to` from `from` with exactly `body`, accepted since `since`: how a retried send learns
   * that an earlier attempt reached the provider before its worker died.
   */
  findSent(reply: OutboundReply, since: Date): Promise<SentReply | null>;
}
