// A case policy as stored: a policy version's overrides over the environment's defaults, without the
// console's branding. The newest version for a case that starts now, or the version a case started under.
import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyVersionSchema } from '../db/entities/index.js';
import { mergePolicy, type CasePolicy } from '../domain/policy.js';
import { casePolicyOf } from './settings-document.js';

export async function storedPolicy(em: EntityManager, defaults: CasePolicy, version?: number | null): Promise<CasePolicy> {
  const row = version === undefined
    ? (await em.find(PolicyVersionSchema, {}, { orderBy: { id: 'desc' }, limit: 1 }))[0]
    : version ? await em.findOne(PolicyVersionSchema, { id: version }) : null;
  return casePolicyOf(mergePolicy(defaults, row?.overrides, row?.id ?? 0));
}
