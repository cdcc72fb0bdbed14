import { raw, type FilterQuery } from '@mikro-orm/core';
import { CaseSchema, type Case } from '../../../db/entities/index.js';
import { isUuid } from '../../customers/customer-records.js';
import { requireUser } from '../context.js';
import { decodeCursor, encodeCursor, pageSize, parseInstant } from '../cursor.js';
import { codedError } from '../errors.js';
import type { CaseFilter, Resolvers } from '../generated/resolvers-types.js';
import { caseView } from './case-view.js';

const MAX_SEARCH = 200;

function caseWhere(stage: string | null | undefined, filter: CaseFilter | null | undefined): FilterQuery<Case> {
  const where: Record<string, unknown> = {};
  const stages = [...(stage ? [stage] : []), ...(filter?.stages ?? [])].map((s) => s.toLowerCase());
  if (stage && filter?.stages?.length) {
    // Both given: the stage must be among the filter's stages, so the two narrow together.
    where.stage = filter.stages.includes(stage as never) ? stage.toLowerCase() : { $in: [] };
  } else if (stages.length) where.stage = { $in: stages };
  if (filter?.channel) where.channel = filter.channel.toLowerCase();
  if (filter?.intent) where.intent = filter.intent;
  if (filter?.assignee) where.claimedBy = filter.assignee.trim().toLowerCase();
  if (filter?.escalated != null) where.escalationLevel = filter.escalated ? { $gt: 0 } : 0;
  if (filter?.customerId) {
    if (!isUuid(filter.customerId)) throw codedError('BAD_INPUT', 'customerId is not a customer id');
    where.customerId = filter.customerId;
  }
  const since = parseInstant(filter?.since, 'since');
  const until = parseInstant(filter?.until, 'until');
  if (since || until) where.createdAt = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) throw codedError('BAD_INPUT', `search may have at most ${MAX_SEARCH} characters`);
    // Matches the GIN index on to_tsvector('simple', inbound_text) (see migrations).
    where[raw(`to_tsvector('simple', inbound_text) @@ websearch_to_tsquery('simple', ?)`, [search])] = true;
  }
  return where as FilterQuery<Case>;
}

export const casesResolvers: Resolvers = {
  Query: {
    async cases(_, { stage, filter, order, first, after }, ctx) {
      requireUser(ctx);
      const size = pageSize(first, 50, 200);
      // Built twice: a raw SQL fragment (the text search) may only be used by one query.
      const where = caseWhere(stage, filter);
      const newestFirst = order === 'NEWEST_FIRST';
      const total = await ctx.em.count(CaseSchema, where);
      const page = caseWhere(stage, filter) as Record<string, unknown>;
      if (after) {
        // Keyset pagination: stable under inserts, no OFFSET scans.
        const [at, id] = decodeCursor(after);
        const beyond = newestFirst ? '$lt' : '$gt';
        page.$or = [{ createdAt: { [beyond]: new Date(at) } }, { createdAt: new Date(at), id: { [beyond]: id } }];
      }
      const direction = newestFirst ? 'desc' : 'asc';
      const rows = await ctx.em.find(CaseSchema, page as FilterQuery<Case>, { orderBy: { createdAt: direction, id: direction }, limit: size + 1 });
      const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(row.createdAt, row.id), node: caseView(row, ctx.deps) }));
      return {
        edges,
        totalCount: total,
        pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    async case(_, { id }, ctx) {
      requireUser(ctx);
      const row = await ctx.em.findOne(CaseSchema, { id });
      return row ? caseView(row, ctx.deps) : null;
    },
  },
};
