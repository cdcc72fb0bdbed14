// A web chat visitor's side of their conversation: the messages they see and whether a reply is on its way.
import type { EntityManager } from '@mikro-orm/postgresql';
import { webchatThread } from '../../db/message-records.js';

export const WEBCHAT_BUSINESS_ADDRESS = 'webchat';

export interface ChatMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  body: string;
  createdAt: string;
}

export interface ChatThread {
  messages: ChatMessage[];
  /** A case of this conversation is still open: the visitor sees "typing…". */
  typing: boolean;
}

export async function chatThread(em: EntityManager, visitorId: string): Promise<ChatThread & { conversationId: string | null }> {
  const row = await webchatThread(em, visitorId, WEBCHAT_BUSINESS_ADDRESS);
  return {
    conversationId: row?.conversation_id ?? null,
    typing: row?.typing ?? false,
    messages: (row?.messages ?? []).map((m) => ({ id: m.id, direction: m.direction, body: m.body, createdAt: new Date(m.created_at).toISOString() })),
  };
}
