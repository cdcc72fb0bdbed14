import { PolicyVersionSchema } from '../../db/entities/index.js';
import type { CasePolicy } from '../../domain/policy.js';
import type { Stack } from './stack.js';

/** Saves a new policy version (as an admin would) and returns its number; later cases run under it. */
export async function savePolicy(stack: Stack, overrides: Partial<Omit<CasePolicy, 'version'>>): Promise<number> {
  const em = stack.orm.em.fork();
  const row = em.create(PolicyVersionSchema, { overrides, createdBy: 'test-admin@example.com' });
  await em.flush();
  return row.id;
}
