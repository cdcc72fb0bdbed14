import { AuditEventSchema, CaseSchema, ConversationSchema, MessageSchema } from '../../../db/entities/index.js';
import { summariseConversation, type Disposition } from '../../../llm/conversation-summary.js';
import { conversationMessages, isUuid } from '../../customers/customer-records.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { caseView } from './case-view.js';
import { messageView } from './message-view.js';

const MAX_MESSAGES = 500;

// Customers not merged into another, newest first, matching a name or any of their addresses.
const CUSTOMERS_SQL = `
  select c.id, c.created_at from customers c
  where c.merged_into is null
    and (?::text is null or c.display_name ilike ? or exists (
      select 1 from customer_identities i where i.customer_id = c.id and i.address ilike ?))
    and (?::timestamptz is null or (c.created_at, c.id) < (?::timestamptz, ?::uuid))
  order by c.created_at desc, c.id desc limit ?`;

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function loadConversation(ctx: GraphQLContext, id: string) {
  return ctx.em.findOne(ConversationSchema, { id });
}

export const conversationsResolvers: Resolvers = {
  Query: {
    async customers(_, { search, first, after }, ctx) {
      requireUser(ctx);
      const size = pageSize(first, 50, 200);
      const term = search?.trim() ? likePattern(search.trim()) : null;
      const [at, id] = after ? decodeCursor(after) : [null, null];
      const rows = await ctx.em.execute<{ id: string; created_at: Date }[]>(CUSTOMERS_SQL, [term, term, term, at, at, id, size + 1]);
      const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(new Date(row.created_at), row.id), node: { id: row.id } }));
      return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
    },
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
  Customer: {
    async createdAt({ id }, _, ctx) {
      const row = await ctx.loaders.customer.load(id);
      if (!row) throw codedError('NOT_FOUND', `no customer ${id}`);
      return row.createdAt.toISOString();
    },
    conversations({ id }, _, ctx) {
      return ctx.em.find(ConversationSchema, { customer: id }, { orderBy: { lastMessageAt: 'desc' } });
    },
    async cases({ id }, { first }, ctx) {
      const size = pageSize(first, 20, 200);
      const rows = await ctx.em.find(CaseSchema, { customerId: id }, { orderBy: { createdAt: 'desc' }, limit: size });
      return rows.map((row) => caseView(row, ctx.deps));
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
  Case: {
    async conversation({ conversationId }, _, ctx) {
      return ctx.em.findOneOrFail(ConversationSchema, { id: conversationId });
    },
  },
};
