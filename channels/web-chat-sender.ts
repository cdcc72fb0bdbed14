import { randomUUID } from 'node:crypto';
import type { OutboundReply, ReplySender, SentReply } from './reply-sender.js';

/**
 * Web chat has no provider: a reply is delivered when the send activity stores it, and the NOTIFY of that
 * same statement pushes it to the visitor's open chat. So sending only names the message, and a retry that
 * finds nothing stored sends again without any risk of a second copy reaching the visitor.
 */
export class WebChatSender implements ReplySender {
  async send(_reply: OutboundReply): Promise<SentReply> {
    return { providerMessageId: `WC${randomUUID().replaceAll('-', '')}`, status: 'delivered' };
  }

  async findSent(): Promise<SentReply | null> {
    return null;
  }
}

/** Routes each reply to its channel's sender. */
export class ChannelReplySender implements ReplySender {
  constructor(private readonly twilio: ReplySender, private readonly webChat: ReplySender = new WebChatSender()) {}

  private pick(reply: OutboundReply): ReplySender {
    if (reply.channel === 'sms' || reply.channel === 'whatsapp') return this.twilio;
    if (reply.channel === 'webchat') return this.webChat;
    throw new Error(`no sender for channel ${reply.channel}`);
  }

  send(reply: OutboundReply): Promise<SentReply> {
    return this.pick(reply).send(reply);
  }

  findSent(reply: OutboundReply, since: Date): Promise<SentReply | null> {
    return this.pick(reply).findSent(reply, since);
  }
}
