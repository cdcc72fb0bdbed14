// The WHERE clause of Query.cases (case.resolvers.ts): a stage, a filter, a text search.
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Case } from '../../../db/entities/index.js';
import { isUuid } from '../../customers/customer-records.js';
import { parseInstant } from '../cursor.js';
import { codedError } from '../errors.js';
import type { CaseFilter } from '../generated/resolvers-types.js';

const MAX_SEARCH = 200;

export function caseWhere(stage: string | null | undefined, filter: CaseFilter | null | undefined): FilterQuery<Case> {
  const where: Record<string, unknown> = {};
  const stages = [...(stage ? [stage] : []), ...(filter?.stages ?? [])].map((s) => s.toLowerCase());
  if (stage && filter?.stages?.length) {
    // Both given: the stage must be among the filter's stages, so the two narrow together.
    where.stage = filter.stages.includes(stage as never) ? stage.toLowerCase() : { $in: [] };
  } else if (stages.length) where.stage = { $in: stages };
  if (filter?.channel) where.channel = filter.channel.toLowerCase();
  if (filter?.intent) where.intent = filter.intent;
  if (filter?.assignee) where.claimedBy = filter.assignee.trim().toLowerCase();
  if (filter?.escalated != null) where.escalationLevel = filter.escalated ? { $gt: 0 } : 0;
  if (filter?.customerId) {
    if (!isUuid(filter.customerId)) throw codedError('BAD_INPUT', 'customerId is not a customer id');
    where.customerId = filter.customerId;
  }
  const since = parseInstant(filter?.since, 'since');
  const until = parseInstant(filter?.until, 'until');
  if (since || until) where.createdAt = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) throw codedError('BAD_INPUT', `search may have at most ${MAX_SEARCH} characters`);
    // Matches the GIN index on to_tsvector('simple', inbound_text) (see migrations).
    where[raw(`to_tsvector('simple', inbound_text) @@ websearch_to_tsquery('simple', ?)`, [search])] = true;
  }
  return where as FilterQuery<Case>;
}
