import type { EntityManager } from '@mikro-orm/postgresql';
import type { YogaInitialContext } from 'graphql-yoga';
import { userForToken } from '../../auth/tokens.js';
import type { Role, User } from '../../db/entities/index.js';
import type { ApiDeps } from '../deps.js';
import { codedError } from './errors.js';

export interface AppContext {
  deps: ApiDeps;
  /** Forked per request: no identity map shared between requests. */
  em: EntityManager;
  user: User | null;
  token: string | null;
}

export type GraphQLContext = YogaInitialContext & AppContext;

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

export async function buildContext(deps: ApiDeps, initial: YogaInitialContext): Promise<AppContext> {
  const em = deps.orm.em.fork() as EntityManager;
  const token = bearerToken(initial.request.headers.get('authorization'));
  const user = token ? await userForToken(em, token) : null;
  return { deps, em, user, token };
}

/** The signed-in user, optionally required to hold one of `roles`. */
export function requireUser(ctx: GraphQLContext, roles?: Role[]): User {
  if (!ctx.user) throw codedError('UNAUTHENTICATED', 'sign in first: call login and send Authorization: Bearer <token>');
  if (roles && !roles.includes(ctx.user.role)) throw codedError('FORBIDDEN', `this needs the role ${roles.join(' or ')}`);
  return ctx.user;
}
