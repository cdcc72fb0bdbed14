import { issueToken, isTokenOf } from '../../../auth/tokens.js';
import { ApiTokenSchema, AuditEventSchema, type ApiToken } from '../../../db/entities/index.js';
import { isUuid } from '../../customers/customer-records.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const DAY_MS = 24 * 3600 * 1000;
const MAX_TOKEN_DAYS = 365;

function tokenView(row: ApiToken, ctx: GraphQLContext) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'session' ? 'SESSION' as const : 'BEARER' as const,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    current: isTokenOf(row, ctx.token),
  };
}

/** Named tokens for scripts, and the list a user checks to end a session they no longer trust. */
export const apiTokenResolvers: Resolvers = {
  Query: {
    async apiTokens(_, __, ctx) {
      const user = requireUser(ctx);
      const rows = await ctx.em.find(ApiTokenSchema, { user, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' }, limit: 200 });
      return rows.map((row) => tokenView(row, ctx));
    },
  },
  Mutation: {
    async createApiToken(_, { name, expiresInDays }, ctx) {
      const user = requireUser(ctx);
      const label = name.trim();
      if (!label || label.length > 100) throw codedError('BAD_INPUT', 'a token needs a name of 1–100 characters, e.g. "nightly export"');
      const days = expiresInDays ?? 90;
      if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw codedError('BAD_INPUT', `expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}`);
      const { token, row } = await issueToken(ctx.em, user, { kind: 'bearer', name: label, lifetimeMs: days * DAY_MS });
      ctx.em.create(AuditEventSchema, { actor: user.email, type: 'token_created', detail: { tokenId: row.id, name: label, expiresAt: row.expiresAt } });
      await ctx.em.flush();
      return { token, apiToken: tokenView(row, ctx) };
    },
    async revokeApiToken(_, { id }, ctx) {
      const user = requireUser(ctx);
      const row = isUuid(id) ? await ctx.em.findOne(ApiTokenSchema, { id }, { populate: ['user'] }) : null;
      // Someone else's token is as invisible as a missing one, unless an admin asks.
      if (!row || (row.user.id !== user.id && user.role !== 'ADMIN')) throw codedError('NOT_FOUND', `no token ${id}`);
      if (!row.revokedAt) {
        row.revokedAt = new Date();
        ctx.em.create(AuditEventSchema, { actor: user.email, type: 'token_revoked', detail: { tokenId: row.id, owner: row.user.email, name: row.name } });
        await ctx.em.flush();
      }
      return tokenView(row, ctx);
    },
  },
};
