import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ConversationSchema } from './conversation.entity.js';

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  // A provider's message id is unique per channel and direction: the database, not the code, makes a
  // redelivered webhook a no-op.
  uniques: [{ properties: ['channel', 'direction', 'providerMessageId'] }],
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    conversation: p.manyToOne(ConversationSchema).deleteRule('cascade'),
    caseId: p.string().index(),
    direction: p.enum(() => ['inbound', 'outbound']).$type<'inbound' | 'outbound'>(),
    channel: p.string(),
    providerMessageId: p.string(),
    body: p.text(),
    status: p.string().nullable(),
    errorCode: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Message = InferEntity<typeof MessageSchema>;
