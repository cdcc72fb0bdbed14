import { verifyPassword } from '../../../auth/passwords.js';
import { issueToken, revokeToken } from '../../../auth/tokens.js';
import { AuditEventSchema, UserSchema } from '../../../db/entities/index.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';

export const authResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.user,
  },
  Mutation: {
    async login(_: unknown, args: { email: string; password: string }, ctx: GraphQLContext) {
      const email = args.email.trim().toLowerCase();
      const user = await ctx.em.findOne(UserSchema, { email });
      // Same answer for an unknown email and a wrong password: no account enumeration.
      if (!user || !(await verifyPassword(user.passwordHash, args.password))) {
        ctx.em.create(AuditEventSchema, { actor: email, type: 'login_failed', detail: {} });
        await ctx.em.flush();
        throw codedError('UNAUTHENTICATED', 'wrong email or password');
      }
      const token = await issueToken(ctx.em, user);
      ctx.em.create(AuditEventSchema, { actor: user.email, type: 'login', detail: {} });
      await ctx.em.flush();
      return { token, user };
    },
    async logout(_: unknown, __: unknown, ctx: GraphQLContext) {
      requireUser(ctx);
      return revokeToken(ctx.em, ctx.token!);
    },
  },
};
