import { PolicyVersionSchema } from '../db/entities/index.js';
import { mergePolicy, type CasePolicy } from '../workflows/case-policy.js';
import type { ActivityDeps } from './deps.js';

/** The policy in force now: the newest stored version over environment defaults. */
export function loadPolicyActivity({ orm, policyDefaults }: ActivityDeps) {
  return async function loadPolicy(): Promise<CasePolicy> {
    const [latest] = await orm.em.fork().find(PolicyVersionSchema, {}, { orderBy: { id: 'desc' }, limit: 1 });
    return mergePolicy(policyDefaults, latest?.overrides, latest?.id ?? 0);
  };
}
