import { AuditEventSchema, CaseSchema, ConversationSchema, MessageSchema } from '../../../db/entities/index.js';
import { summariseConversation, type Disposition } from '../../../llm/conversation-summary.js';
import { conversationMessages, isUuid } from '../../customers/customer-records.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { messageView } from './message-view.js';

const MAX_MESSAGES = 500;

function loadConversation(ctx: GraphQLContext, id: string) {
  return ctx.em.findOne(ConversationSchema, { id });
}

export const conversationResolvers: Resolvers = {
  Query: {
    async conversation(_, { id }, ctx) {
      requireUser(ctx);
      return isUuid(id) ? loadConversation(ctx, id) : null;
    },
  },
  Mutation: {
    async closeConversation(_, { id, disposition }, ctx) {
      const user = requireUser(ctx);
      const row = isUuid(id) ? await loadConversation(ctx, id) : null;
      if (!row) throw codedError('NOT_FOUND', `no conversation ${id}`);
      const [messages, cases] = await Promise.all([
        ctx.em.find(MessageSchema, { conversation: id }, { orderBy: { createdAt: 'asc', part: 'asc' }, fields: ['direction', 'body', 'createdAt'] }),
        ctx.em.find(CaseSchema, { conversationId: id }, { fields: ['intent'] }),
      ]);
      const kind = disposition.toLowerCase() as Disposition;
      const summary = summariseConversation(row.channel, messages.map((m) => ({ direction: m.direction, body: m.body, at: m.createdAt })),
        cases.flatMap((c) => (c.intent ? [c.intent] : [])), kind);
      // Closing again (a follow-up resolved) replaces how it ended; the audit keeps every closing.
      ctx.em.assign(row, { closedAt: new Date(), closedBy: user.email, disposition: kind, summary });
      ctx.em.create(AuditEventSchema, { actor: user.email, type: 'conversation_closed', detail: { conversationId: id, disposition: kind } });
      await ctx.em.flush();
      return row;
    },
  },
  Conversation: {
    channel: (row) => row.channel.toUpperCase() as never,
    customer: (row) => ({ id: row.customer.id }),
    createdAt: (row) => row.createdAt.toISOString(),
    lastMessageAt: (row) => row.lastMessageAt.toISOString(),
    closedAt: (row) => row.closedAt?.toISOString() ?? null,
    disposition: (row) => (row.disposition?.toUpperCase() ?? null) as never,
    async messages(row, { last }, ctx) {
      if (!Number.isInteger(last) || last! < 1 || last! > MAX_MESSAGES) throw codedError('BAD_INPUT', `last must be between 1 and ${MAX_MESSAGES}`);
      return (await conversationMessages(ctx.em, row.id, last!)).map(messageView);
    },
  },
};
