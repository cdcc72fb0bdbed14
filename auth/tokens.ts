import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { ApiTokenSchema, type ApiToken, type User } from '../db/entities/index.js';

const DAY_MS = 24 * 3600 * 1000;
/** login's bearer tokens and the console's sessions; createApiToken picks its own lifetime. */
export const LOGIN_TOKEN_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_LIFETIME_MS = 7 * DAY_MS;
const TOKEN_PREFIX = 'cs_';
// Recording every use would turn each read into a write; a minute's precision is enough to spot stale tokens.
const LAST_USED_PRECISION_MS = 60_000;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface TokenOptions {
  kind?: 'bearer' | 'session';
  name?: string;
  lifetimeMs?: number;
}

/** Issues a token; only its hash is stored, the caller sees the token once. */
export async function issueToken(em: EntityManager, user: User, options: TokenOptions = {}): Promise<{ token: string; row: ApiToken }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const kind = options.kind ?? 'bearer';
  const row = em.create(ApiTokenSchema, {
    user,
    tokenHash: digest(token),
    kind,
    name: options.name ?? (kind === 'session' ? 'console session' : 'login'),
    expiresAt: new Date(Date.now() + (options.lifetimeMs ?? (kind === 'session' ? SESSION_LIFETIME_MS : LOGIN_TOKEN_LIFETIME_MS))),
  });
  await em.flush();
  return { token, row };
}

/** The live token row behind `token`: not revoked, not expired, its user not disabled. */
export async function tokenRow(em: EntityManager, token: string, kind: 'bearer' | 'session'): Promise<ApiToken | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await em.findOne(ApiTokenSchema, { tokenHash: digest(token), kind }, { populate: ['user'] });
  if (!row || row.revokedAt || row.expiresAt.getTime() < Date.now() || row.user.disabledAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await em.nativeUpdate(ApiTokenSchema, { id: row.id }, { lastUsedAt: new Date() });
  }
  return row;
}

export async function revokeToken(em: EntityManager, token: string): Promise<boolean> {
  const row = await em.findOne(ApiTokenSchema, { tokenHash: digest(token) });
  if (!row || row.revokedAt) return false;
  row.revokedAt = new Date();
  await em.flush();
  return true;
}

/** Ends every session and token of a user: on a password change, a reset or when an admin disables them. */
export async function revokeAllTokens(em: EntityManager, user: User, except?: string): Promise<number> {
  const where = except ? { user, revokedAt: null, tokenHash: { $ne: digest(except) } } : { user, revokedAt: null };
  return em.nativeUpdate(ApiTokenSchema, where, { revokedAt: new Date() });
}

export function isTokenOf(row: ApiToken, token: string | null): boolean {
  return token !== null && row.tokenHash === digest(token);
}
