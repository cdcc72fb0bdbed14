import { activeGuardrail } from '../db/guardrail-rule-sets.js';
import { storedPolicy } from '../settings/stored-policy.js';
import type { CasePolicy } from '../domain/policy.js';
import type { ActivityDeps } from './deps.js';

/** The policy in force now: the newest stored version over environment defaults. */
export function loadPolicyActivity({ orm, policyDefaults }: ActivityDeps) {
  return async function loadPolicy(): Promise<CasePolicy> {
    const em = orm.em.fork();
    const policy = await storedPolicy(em, policyDefaults);
    // Outbound rule modes come from the guardrail rule set, snapshotted with the rest for the whole case.
    const { outboundModes } = (await activeGuardrail(em)).config;
    return Object.keys(outboundModes).length ? { ...policy, outboundModes } : policy;
  };
}
