// A web chat visitor's side of their conversation: the messages they see and whether a reply is on its way.
import type { EntityManager } from '@mikro-orm/postgresql';
import { TERMINAL_STAGES } from '../../domain/case.js';

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

const OPEN = `c.stage not in (${TERMINAL_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

const THREAD_SQL = `
  with conversation as (
    select id from conversations where channel = 'webchat' and customer_address = ? and business_address = '${WEBCHAT_BUSINESS_ADDRESS}'
  )
  select
    coalesce((select json_agg(m order by m.created_at, m.part) from (
      select id, direction, body, created_at, part from messages where conversation_id = (select id from conversation)
      order by created_at desc, part desc limit 100
    ) m), '[]') as messages,
    exists (select 1 from cases c where c.conversation_id = (select id from conversation) and ${OPEN}) as typing,
    (select id from conversation) as conversation_id`;

export async function chatThread(em: EntityManager, visitorId: string): Promise<ChatThread & { conversationId: string | null }> {
  const [row] = await em.getConnection().execute<{ messages: (Omit<ChatMessage, 'createdAt'> & { created_at: string })[]; typing: boolean; conversation_id: string | null }[]>(
    THREAD_SQL, [visitorId],
  );
  return {
    conversationId: row?.conversation_id ?? null,
    typing: row?.typing ?? false,
    messages: (row?.messages ?? []).map((m) => ({ id: m.id, direction: m.direction, body: m.body, createdAt: new Date(m.created_at).toISOString() })),
  };
}
