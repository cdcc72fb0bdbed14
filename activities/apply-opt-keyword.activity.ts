import { applyOptKeyword as applyToCustomer } from '../db/customer-consent.js';
import type { BlockedReason } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';

export function applyOptKeywordActivity({ orm }: ActivityDeps) {
  return async function applyOptKeyword({ caseId, keyword }: { caseId: string; keyword: BlockedReason }): Promise<void> {
    await applyToCustomer(orm.em.fork(), caseId, keyword);
  };
}
