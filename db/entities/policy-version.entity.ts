import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { CasePolicy } from '../../domain/policy.js';

/**
 * Every saved case policy, never edited in place: the newest row is in force, and a case records the id
 * of the version it started under so the audit can say which rules applied.
 */
export const PolicyVersionSchema = defineEntity({
  name: 'PolicyVersion',
  tableName: 'policy_versions',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    /** Only the fields an admin changed; the rest come from environment and defaults. */
    overrides: p.json<Partial<Omit<CasePolicy, 'version'>>>(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type PolicyVersion = InferEntity<typeof PolicyVersionSchema>;
