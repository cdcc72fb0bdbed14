import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema } from '../db/entities/index.js';
import { passwordProblem } from './password-policy.js';
import { generatePassword, hashPassword } from './passwords.js';

export interface SeededAdmin {
  email: string;
  /** Set only when the password was generated here: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/** Creates the first admin when no user exists yet (CONTRACT); otherwise does nothing. */
export async function seedFirstAdmin(em: EntityManager, admin: { email: string; password?: string }): Promise<SeededAdmin | null> {
  if ((await em.count(UserSchema, {})) > 0) return null;
  // The first admin's password is held to the same policy as every other (auth/password-policy.ts).
  const problem = admin.password ? passwordProblem(admin.password, admin.email) : null;
  if (problem) throw new Error(`COUNTERSIGN_ADMIN_PASSWORD cannot be the first admin's password: ${problem}`);
  const password = admin.password ?? generatePassword();
  em.create(UserSchema, { email: admin.email.toLowerCase(), passwordHash: await hashPassword(password), role: 'ADMIN' });
  await em.flush();
  return { email: admin.email, generatedPassword: admin.password ? undefined : password };
}
