import type { FilterQuery } from '@mikro-orm/core';
import { CaseSchema, type Case } from '../../../db/entities/index.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import { caseView } from './case-view.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

type Cursor = [createdAt: string, id: string];

function encodeCursor(row: Case): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id] satisfies Cursor)).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string') {
      return value as Cursor;
    }
  } catch {
    // fall through to the coded error
  }
  throw codedError('BAD_INPUT', 'after is not a cursor from this API');
}

export const casesResolvers = {
  Query: {
    async cases(_: unknown, args: { stage?: string; first?: number; after?: string }, ctx: GraphQLContext) {
      requireUser(ctx);
      const first = args.first ?? DEFAULT_PAGE;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
        throw codedError('BAD_INPUT', `first must be between 1 and ${MAX_PAGE}`);
      }
      const where: FilterQuery<Case> = args.stage ? { stage: args.stage.toLowerCase() } : {};
      const total = await ctx.em.count(CaseSchema, where);
      const page: FilterQuery<Case> = { ...where };
      if (args.after) {
        // Keyset pagination: stable under inserts, no OFFSET scans.
        const [createdAt, id] = decodeCursor(args.after);
        page.$or = [{ createdAt: { $gt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { $gt: id } }];
      }
      const rows = await ctx.em.find(CaseSchema, page, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first + 1 });
      const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(row), node: caseView(row, ctx.deps) }));
      return {
        edges,
        totalCount: total,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    async case(_: unknown, args: { id: string }, ctx: GraphQLContext) {
      requireUser(ctx);
      const row = await ctx.em.findOne(CaseSchema, { id: args.id });
      return row ? caseView(row, ctx.deps) : null;
    },
  },
};
