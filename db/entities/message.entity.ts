import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ConversationSchema } from './conversation.entity.js';

export interface MessageAttachment {
  url: string;
  contentType: string;
}

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  // A provider's message id is unique per channel and direction: the database, not the code, makes a
  // redelivered webhook a no-op.
  uniques: [{ properties: ['channel', 'direction', 'providerMessageId'] }],
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    // Indexed: a conversation's messages and a customer's history are read by it.
    conversation: p.manyToOne(ConversationSchema).deleteRule('cascade').index(),
    caseId: p.string().index(),
    direction: p.enum(() => ['inbound', 'outbound']).$type<'inbound' | 'outbound'>(),
    channel: p.string(),
    providerMessageId: p.string(),
    body: p.text(),
    /** Outbound: Twilio's delivery status (queued, sent, delivered, read, failed, undelivered), never moving back. */
    status: p.string().nullable(),
    errorCode: p.string().nullable(),
    statusUpdatedAt: p.datetime().nullable(),
    /** Media the customer sent (MMS, WhatsApp images, audio, documents): Twilio's URLs and content types. */
    attachments: p.json<MessageAttachment[]>().default('[]'),
    /** A long reply goes out as several messages: 1, 2, … in sending order. */
    part: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Message = InferEntity<typeof MessageSchema>;
