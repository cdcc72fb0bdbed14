import type { EntityManager } from '@mikro-orm/postgresql';
import type { YogaInitialContext } from 'graphql-yoga';
import type { Context as KoaContext } from 'koa';
import { authenticate, CsrfRefusal, type Credentials } from '../../auth/request-credentials.js';
import type { Role, User } from '../../db/entities/index.js';
import type { ApiDeps } from '../deps.js';
import { codedError } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface AppContext {
  deps: ApiDeps;
  /** Forked per request: no identity map shared between requests. */
  em: EntityManager;
  user: User | null;
  /** The bearer token or session token this request was made with. */
  token: string | null;
  via: Credentials['via'] | null;
  loaders: Loaders;
}

/** What api/app.ts hands Yoga with each request. */
export interface ServerContext {
  koa: KoaContext;
}

export type GraphQLContext = YogaInitialContext & ServerContext & AppContext;

/** The origins a cookie-signed request may come from: the public URL, and the address it was reached at. */
export function allowedOrigins(deps: ApiDeps, koa: KoaContext): string[] {
  return [new URL(deps.config.publicUrl).origin, `${koa.protocol}://${koa.host}`];
}

export async function buildContext(deps: ApiDeps, initial: YogaInitialContext & ServerContext): Promise<AppContext> {
  const em = deps.orm.em.fork() as EntityManager;
  const { request, koa } = initial;
  try {
    const credentials = await authenticate(em, { method: request.method, header: (name) => request.headers.get(name) }, allowedOrigins(deps, koa));
    return {
      deps, em, user: credentials?.user ?? null, token: credentials?.token ?? null, via: credentials?.via ?? null, loaders: createLoaders(em),
    };
  } catch (error) {
    if (error instanceof CsrfRefusal) throw codedError('CSRF_CHECK_FAILED', error.message, 403);
    throw error;
  }
}

/** The signed-in user, optionally required to hold one of `roles`. */
export function requireUser(ctx: GraphQLContext, roles?: readonly Role[]): User {
  if (!ctx.user) throw codedError('UNAUTHENTICATED', 'sign in first: login and send Authorization: Bearer <token>, or signIn for a session cookie');
  if (roles && !roles.includes(ctx.user.role)) throw codedError('FORBIDDEN', `this needs the role ${roles.join(' or ')}`);
  return ctx.user;
}

export const SUPERVISORS: readonly Role[] = ['SUPERVISOR', 'ADMIN'];
export const ADMINS: readonly Role[] = ['ADMIN'];
