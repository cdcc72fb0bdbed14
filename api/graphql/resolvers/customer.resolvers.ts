import { CaseSchema, ConversationSchema, CustomerIdentitySchema, type Customer } from '../../../db/entities/index.js';
import type { Channel } from '../../../domain/case.js';
import {
  CustomerRecordError, customerHistory, isUuid, linkIdentity, mergeCustomers,
} from '../../customers/customer-records.js';
import { requireUser, SUPERVISORS, type GraphQLContext } from '../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import { codedError } from '../errors.js';
import type { Channel as ChannelName, Resolvers } from '../generated/resolvers-types.js';
import { caseView } from './case-view.js';
import { messageView } from './message-view.js';

const MAX_HISTORY = 200;

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

/** A customer row loaded once per request, however many fields ask for it. */
function loadCustomer(ctx: GraphQLContext, id: string): Promise<Customer | null> {
  return ctx.loaders.customer.load(id);
}

function asCoded<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown): never => {
    if (error instanceof CustomerRecordError) throw codedError(error.code, error.message);
    throw error;
  });
}

export const customerResolvers: Resolvers = {
  Query: {
    async customer(_, { id }, ctx) {
      requireUser(ctx);
      return isUuid(id) && (await loadCustomer(ctx, id)) ? { id } : null;
    },
    async customers(_, { search, first, after }, ctx) {
      requireUser(ctx);
      const size = pageSize(first, 50, 200);
      const term = search?.trim() ? likePattern(search.trim()) : null;
      const [at, id] = after ? decodeCursor(after) : [null, null];
      const rows = await ctx.em.execute<{ id: string; created_at: Date }[]>(CUSTOMERS_SQL, [term, term, term, at, at, id, size + 1]);
      const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(new Date(row.created_at), row.id), node: { id: row.id } }));
      return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
  Mutation: {
    linkIdentity(_, args, ctx) {
      const user = requireUser(ctx, SUPERVISORS);
      return asCoded(async () => {
        const customer = await linkIdentity(ctx.em, args.customerId, args.channel.toLowerCase() as Channel, args.address, user.email);
        return { id: customer.id };
      });
    },
    mergeCustomers(_, args, ctx) {
      const user = requireUser(ctx, SUPERVISORS);
      return asCoded(async () => ({ id: (await mergeCustomers(ctx.em, args.sourceId, args.targetId, user.email)).id }));
    },
  },
  Customer: {
    async createdAt({ id }, _, ctx) {
      const row = await loadCustomer(ctx, id);
      if (!row) throw codedError('NOT_FOUND', `no customer ${id}`);
      return row.createdAt.toISOString();
    },
    async displayName({ id }, _, ctx) {
      return (await loadCustomer(ctx, id))?.displayName ?? null;
    },
    async optedOut({ id }, _, ctx) {
      return Boolean((await loadCustomer(ctx, id))?.optedOutAt);
    },
    async identities({ id }, _, ctx) {
      const rows = await ctx.em.find(CustomerIdentitySchema, { customer: id }, { orderBy: { createdAt: 'asc' } });
      return rows.map((row) => ({ ...row, channel: row.channel.toUpperCase() as ChannelName, createdAt: row.createdAt.toISOString() }));
    },
    async history({ id }, { last }, ctx) {
      if (!Number.isInteger(last) || last < 1 || last > MAX_HISTORY) throw codedError('BAD_INPUT', `last must be between 1 and ${MAX_HISTORY}`);
      return (await customerHistory(ctx.em, id, last)).map(messageView);
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
};
