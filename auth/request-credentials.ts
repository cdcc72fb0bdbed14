// Who is calling: a bearer token (scripts) or the console's session cookie. Shared by GraphQL and the plain
// HTTP endpoints (audit export). Cookie sessions are open to cross-site request forgery, bearer tokens are
// not, so only cookie-authenticated writes must prove they come from the console.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../db/entities/index.js';
import { tokenRow } from './tokens.js';

export const SESSION_COOKIE = 'countersign_session';
/**
 * A header a cross-site form cannot send, and a cross-site script can only send after a CORS preflight this
 * server never approves: its presence proves the request came from a page of this origin.
 */
export const CSRF_HEADER = 'x-countersign-csrf';

export interface Credentials {
  user: User;
  token: string;
  via: 'bearer' | 'session';
}

export interface RequestLike {
  method: string;
  header(name: string): string | null | undefined;
}

export class CsrfRefusal extends Error {
  override name = 'CsrfRefusal';
}

export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** A cookie that is not valid percent-encoding was not set by us: it is no session, not a server error. */
function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodedOrNull(part.slice(eq + 1).trim());
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The caller's credentials, or null when they sent none that work. A cookie-authenticated unsafe request
 * without the CSRF header, or from another origin, throws CsrfRefusal instead of acting as the user.
 */
export async function authenticate(em: EntityManager, request: RequestLike, allowedOrigins: string[]): Promise<Credentials | null> {
  const bearer = bearerToken(request.header('authorization'));
  if (bearer) {
    const row = await tokenRow(em, bearer, 'bearer');
    return row ? { user: row.user, token: bearer, via: 'bearer' } : null;
  }
  const session = cookieValue(request.header('cookie'), SESSION_COOKIE);
  if (!session) return null;
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    if (!request.header(CSRF_HEADER)) throw new CsrfRefusal(`a request signed in by cookie must send the ${CSRF_HEADER} header`);
    const origin = request.header('origin');
    if (origin && !allowedOrigins.includes(origin)) throw new CsrfRefusal(`requests from ${origin} may not use this session`);
  }
  const row = await tokenRow(em, session, 'session');
  return row ? { user: row.user, token: session, via: 'session' } : null;
}
