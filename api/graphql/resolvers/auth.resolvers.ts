import { passwordProblem } from '../../../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../../../auth/passwords.js';
import { SESSION_COOKIE } from '../../../auth/request-credentials.js';
import { checkSignIn } from '../../../auth/sign-in.js';
import { issueToken, revokeAllTokens, revokeToken } from '../../../auth/tokens.js';
import { AuditEventSchema } from '../../../db/entities/index.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

async function signedIn(ctx: GraphQLContext, email: string, password: string, via: 'bearer' | 'session') {
  const result = await checkSignIn(ctx.em, email, password, ctx.koa.ip, via);
  if (result.ok) return result.user;
  if (result.throttled) {
    const { retryAfterSeconds } = result.throttled;
    throw codedError('TOO_MANY_ATTEMPTS', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, undefined, { retryAfterSeconds });
  }
  // Same answer for an unknown email, a wrong password and a disabled account: no account enumeration.
  throw codedError('UNAUTHENTICATED', 'wrong email or password');
}

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.user,
  },
  Mutation: {
    async login(_, { email, password }, ctx) {
      const user = await signedIn(ctx, email, password, 'bearer');
      const { token } = await issueToken(ctx.em, user);
      return { token, user };
    },
    async signIn(_, { email, password }, ctx) {
      const user = await signedIn(ctx, email, password, 'session');
      const { token, row } = await issueToken(ctx.em, user, { kind: 'session' });
      // HTTP-only: script on the page (or injected into it) never reads the session. Strict: other sites'
      // links and forms arrive without it.
      ctx.koa.cookies.set(SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'strict', secure: ctx.koa.secure, expires: row.expiresAt, path: '/', overwrite: true,
      });
      return { user, expiresAt: row.expiresAt.toISOString() };
    },
    async logout(_, __, ctx) {
      requireUser(ctx);
      if (ctx.via === 'session') ctx.koa.cookies.set(SESSION_COOKIE, null, { path: '/' });
      return revokeToken(ctx.em, ctx.token!);
    },
    async changePassword(_, { currentPassword, newPassword }, ctx) {
      const user = requireUser(ctx);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw codedError('BAD_INPUT', 'the current password is wrong');
      const problem = passwordProblem(newPassword, user.email);
      if (problem) throw codedError('BAD_INPUT', problem);
      user.passwordHash = await hashPassword(newPassword);
      ctx.em.create(AuditEventSchema, { actor: user.email, type: 'password_changed', detail: { user: user.email } });
      await ctx.em.flush();
      // Whoever knew the old password may hold a session: only the one making the change survives.
      await revokeAllTokens(ctx.em, user, ctx.token ?? undefined);
      return user;
    },
  },
  User: {
    disabled: (user) => Boolean(user.disabledAt),
    createdAt: (user) => user.createdAt.toISOString(),
    lastLoginAt: (user) => user.lastLoginAt?.toISOString() ?? null,
  },
};
