import { CustomerIdentitySchema, CustomerSchema, MessageSchema, type Customer } from '../../../db/entities/index.js';
import type { Channel } from '../../../domain/case.js';
import {
  CustomerRecordError, caseReplies, customerHistory, isUuid, linkIdentity, mergeCustomers,
} from '../../customers/customer-records.js';
import { requireUser, SUPERVISORS, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Channel as ChannelName, Resolvers } from '../generated/resolvers-types.js';
import { messageView } from './message-view.js';

const MAX_HISTORY = 200;

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

export const customersResolvers: Resolvers = {
  Query: {
    async customer(_, { id }, ctx) {
      requireUser(ctx);
      return isUuid(id) && (await loadCustomer(ctx, id)) ? { id } : null;
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
  },
  Case: {
    async attachments({ inboundMessageId }, _, ctx) {
      return (await ctx.em.findOne(MessageSchema, { id: inboundMessageId }))?.attachments ?? [];
    },
    async replies({ id }, _, ctx) {
      return (await caseReplies(ctx.em, id)).map(messageView);
    },
  },
};
