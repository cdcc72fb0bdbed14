// Checking a password, shared by `login` (scripts) and `signIn` (console). Every attempt lands in the audit
// log, which is also what the throttle counts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema, UserSchema, type User } from '../db/entities/index.js';
import { loginThrottle, type Throttled } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';

export type SignInResult = { ok: true; user: User } | { ok: false; throttled?: Throttled };

// Verifying against a throwaway hash when the account does not exist makes both failures take as long, so
// response times do not tell an attacker which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function checkSignIn(em: EntityManager, rawEmail: string, password: string, ip: string, via: 'bearer' | 'session'): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const throttled = await loginThrottle(em, email, ip);
  if (throttled) {
    // Not counted as a failure: a throttled client retrying must not extend its own wait forever.
    em.create(AuditEventSchema, { actor: email, type: 'login_throttled', detail: { ip, scope: throttled.scope } });
    await em.flush();
    return { ok: false, throttled };
  }
  const user = await em.findOne(UserSchema, { email });
  const matches = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy password nobody has'))), password);
  if (!user || !matches || user.disabledAt) {
    const reason = !user ? 'unknown_account' : !matches ? 'wrong_password' : 'disabled';
    em.create(AuditEventSchema, { actor: email, type: 'login_failed', detail: { ip, reason } });
    await em.flush();
    return { ok: false };
  }
  user.lastLoginAt = new Date();
  em.create(AuditEventSchema, { actor: user.email, type: 'login', detail: { ip, via } });
  await em.flush();
  return { ok: true, user };
}
