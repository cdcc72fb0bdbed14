import { caseStateColumns } from '../../../db/case-records.js';
import type { Case } from '../../../db/entities/index.js';
import type { CaseState } from '../../../domain/case.js';
import type { ApiDeps } from '../../deps.js';

export type CaseView = ReturnType<typeof caseView>;

/**
 * The GraphQL shape of a case: the read-model row, with the columns the workflow owns read from its live
 * state when we have it (db/case-records.ts decides which). Fields are listed, not spread: the queue views
 * fifty cases a page, and a literal of fixed shape is what keeps a view at a few microseconds.
 */
export function caseView(row: Case, deps: ApiDeps, live?: CaseState) {
  const now = caseStateColumns(row, live);
  return {
    id: row.id,
    // Not in the schema: lets Case.attachments find the inbound message.
    inboundMessageId: row.inboundMessageId,
    conversationId: row.conversationId,
    stage: now.stage.toUpperCase(),
    channel: row.channel.toUpperCase(),
    inboundText: row.inboundText,
    inboundRedacted: row.inboundRedacted ?? null,
    customer: { id: row.customerId },
    intent: now.intent,
    confidence: now.confidence,
    draft: now.draft,
    reply: now.reply,
    escalationLevel: now.escalationLevel,
    deadline: now.deadline?.toISOString() ?? null,
    classification: now.classification?.toUpperCase() ?? null,
    findings: now.findings,
    decision: now.decision?.toUpperCase() ?? null,
    decidedBy: now.decidedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    temporalUiUrl: temporalUiUrl(deps, row.id),
    policyVersion: now.policyVersion,
    claimedBy: now.claimedBy,
    claimedUntil: now.claimedUntil?.toISOString() ?? null,
    wouldAutoSend: now.wouldAutoSend,
    draftError: now.draftError,
    supersededBy: now.supersededBy,
    blockedReason: now.blockedReason?.toUpperCase() ?? null,
    deliveryStatus: now.deliveryStatus,
    deliveryError: now.deliveryError,
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
