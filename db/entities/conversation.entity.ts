import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CustomerSchema } from './customer.entity.js';

/** The thread between the business number `businessAddress` and one customer address on one channel. */
export const ConversationSchema = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  uniques: [{ properties: ['channel', 'customerAddress', 'businessAddress'] }],
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    // Indexed: a customer's conversations and history are read by it.
    customer: p.manyToOne(CustomerSchema).deleteRule('cascade').index(),
    channel: p.string(),
    customerAddress: p.string(),
    businessAddress: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastMessageAt: p.datetime().onCreate(() => new Date()),
    /** Set when someone closes the conversation: how it ended and what it was about. */
    closedAt: p.datetime().nullable(),
    closedBy: p.string().nullable(),
    disposition: p.string().nullable(),
    summary: p.text().nullable(),
  }),
});
export type Conversation = InferEntity<typeof ConversationSchema>;
