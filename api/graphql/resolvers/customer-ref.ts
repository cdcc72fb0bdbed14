import type { Conversation } from '../../../db/entities/index.js';

/** What resolvers hand on for a Customer: its id; each field loads what it needs. */
export interface CustomerRef {
  id: string;
}

/** A Conversation is its row. */
export type ConversationRef = Conversation;
