import type { Case } from '../../../db/entities/index.js';
import type { CaseState } from '../../../domain/case.js';
import type { ApiDeps } from '../../deps.js';

export type CaseView = ReturnType<typeof caseView>;

/** The GraphQL shape of a case: the read-model row, overlaid with live workflow state when we have it. */
export function caseView(row: Case, deps: ApiDeps, live?: CaseState) {
  const stage = live?.stage ?? row.stage;
  return {
    id: row.id,
    // Not in the schema: lets Case.attachments find the inbound message.
    inboundMessageId: row.inboundMessageId,
    conversationId: row.conversationId,
    stage: stage.toUpperCase(),
    channel: row.channel.toUpperCase(),
    inboundText: row.inboundText,
    inboundRedacted: row.inboundRedacted ?? null,
    customer: { id: row.customerId },
    intent: live?.intent ?? row.intent,
    confidence: live?.confidence ?? row.confidence,
    draft: live?.draft ?? row.draft,
    reply: live?.reply ?? row.reply,
    escalationLevel: live?.escalationLevel ?? row.escalationLevel,
    deadline: live ? live.deadline : row.deadline?.toISOString() ?? null,
    classification: (live?.guardrail.classification ?? row.classification)?.toUpperCase() ?? null,
    findings: live?.guardrail.findings ?? row.findings,
    decision: (live?.decision?.decision ?? row.decision)?.toUpperCase() ?? null,
    decidedBy: live?.decision?.reviewer ?? row.decidedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    temporalUiUrl: temporalUiUrl(deps, row.id),
    policyVersion: live?.policyVersion ?? row.policyVersion,
    claimedBy: live ? live.claim?.reviewer ?? null : row.claimedBy,
    claimedUntil: live ? live.claim?.until ?? null : row.claimedUntil?.toISOString() ?? null,
    wouldAutoSend: live?.wouldAutoSend ?? row.wouldAutoSend,
    draftError: live?.draftError ?? row.draftError,
    supersededBy: live?.supersededBy ?? row.supersededBy,
    blockedReason: (live?.blockedReason ?? row.blockedReason)?.toUpperCase() ?? null,
    deliveryStatus: live ? live.delivery?.status ?? null : row.deliveryStatus,
    deliveryError: live ? live.deliveryError ?? null : row.deliveryError,
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
