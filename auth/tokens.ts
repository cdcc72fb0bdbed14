import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { ApiTokenSchema, type User } from '../db/entities/index.js';

const TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const TOKEN_PREFIX = 'cs_';

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a bearer token; only its hash is stored, the caller sees the token once. */
export async function issueToken(em: EntityManager, user: User): Promise<string> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  em.create(ApiTokenSchema, { user, tokenHash: digest(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS) });
  await em.flush();
  return token;
}

export async function userForToken(em: EntityManager, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await em.findOne(ApiTokenSchema, { tokenHash: digest(token) }, { populate: ['user'] });
  if (!row || row.revokedAt || row.expiresAt.getTime() < Date.now()) return null;
  return row.user;
}

export async function revokeToken(em: EntityManager, token: string): Promise<boolean> {
  const row = await em.findOne(ApiTokenSchema, { tokenHash: digest(token) });
  if (!row || row.revokedAt) return false;
  row.revokedAt = new Date();
  await em.flush();
  return true;
}
