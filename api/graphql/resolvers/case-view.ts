import { caseStateColumns } from '../../../db/case-records.js';
import type { Case } from '../../../db/entities/index.js';
import type { CaseState } from '../../../domain/case.js';
import type { ApiDeps } from '../../deps.js';

export type CaseView = ReturnType<typeof caseView>;

/**
 * The GraphQL shape of a case: the read-model row, with the columns the workflow owns taken from its live
 * state when we have it (db/case-records.ts maps them). The schema names those fields as the entity does;
 * here they only change form: enum values upper-case, times ISO text.
 */
export function caseView(row: Case, deps: ApiDeps, live?: CaseState) {
  const now = caseStateColumns(row, live);
  return {
    ...now,
    id: row.id,
    // Not in the schema: lets Case.attachments find the inbound message.
    inboundMessageId: row.inboundMessageId,
    conversationId: row.conversationId,
    stage: now.stage.toUpperCase(),
    channel: row.channel.toUpperCase(),
    inboundText: row.inboundText,
    inboundRedacted: row.inboundRedacted ?? null,
    customer: { id: row.customerId },
    deadline: now.deadline?.toISOString() ?? null,
    classification: now.classification?.toUpperCase() ?? null,
    decision: now.decision?.toUpperCase() ?? null,
    blockedReason: now.blockedReason?.toUpperCase() ?? null,
    claimedUntil: now.claimedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    temporalUiUrl: temporalUiUrl(deps, row.id),
    draftReasoning: row.draftReasoning ?? null,
    draftModel: row.draftModel ?? null,
    draftSources: row.draftSources ?? [],
    draftConfidenceRaw: row.draftConfidenceRaw ?? null,
  };
}

function temporalUiUrl(deps: ApiDeps, caseId: string): string | null {
  const base = deps.config.temporal.uiUrl;
  if (!base) return null;
  return `${base}/namespaces/${encodeURIComponent(deps.config.temporal.namespace)}/workflows/${encodeURIComponent(caseId)}`;
}
