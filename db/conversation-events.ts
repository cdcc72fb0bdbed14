// A new outbound message in a conversation, announced through PostgreSQL NOTIFY by the statement that
// stores it (activities/send-reply.activity.ts), so the web chat on every API instance can push the reply
// to the visitor. The payload is the conversation id.
export const CONVERSATION_MESSAGES_CHANNEL = 'conversation_messages';
