import { SESSION_COOKIE } from '../../../auth/request-credentials.js';
import { checkSignIn } from '../../../auth/sign-in.js';
import { issueToken, revokeToken } from '../../../auth/tokens.js';
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

/** Signing in and out: a bearer token for scripts (login), an HTTP-only cookie for the console (signIn). */
export const sessionResolvers: Resolvers = {
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
  },
};
