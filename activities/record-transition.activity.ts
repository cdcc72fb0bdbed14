import { AuditEventSchema, CaseSchema } from '../db/entities/index.js';
import { notifyCaseEvent } from '../db/case-events.js';
import type { CaseState } from '../workflows/contract.js';
import type { ActivityDeps } from './deps.js';

export interface TransitionInput {
  caseId: string;
  state: CaseState;
  event: string;
  detail?: Record<string, unknown>;
}

/**
 * Mirrors the workflow's state into the read model, appends the audit event and notifies listeners, in one
 * transaction. Safe to retry: the row is overwritten with the same state; a retried attempt may append the
 * audit event twice only if the first commit's acknowledgement was lost, which the audit tolerates.
 */
export function recordTransitionActivity({ orm }: ActivityDeps) {
  return async function recordTransition({ caseId, state, event, detail }: TransitionInput): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      const row = await em.findOneOrFail(CaseSchema, { id: caseId });
      em.assign(row, {
        stage: state.stage,
        intent: state.intent,
        confidence: state.confidence,
        escalationLevel: state.escalationLevel,
        deadline: state.deadline ? new Date(state.deadline) : null,
        draft: state.draft,
        reply: state.reply,
        classification: state.guardrail.classification,
        findings: state.guardrail.findings,
        decision: state.decision?.decision ?? null,
        decidedBy: state.decision?.reviewer ?? null,
        policyVersion: state.policyVersion,
        claimedBy: state.claim?.reviewer ?? null,
        claimedUntil: state.claim ? new Date(state.claim.until) : null,
        wouldAutoSend: state.wouldAutoSend,
        supersededBy: state.supersededBy,
        draftError: state.draftError,
      });
      const actor = event === 'decided' || event === 'decision_ignored'
        ? String((detail?.decision as { reviewer?: string } | undefined)?.reviewer ?? detail?.reviewer ?? 'unknown')
        : 'system';
      em.create(AuditEventSchema, { caseId, actor, type: event, detail: { stage: state.stage, ...detail } });
      await em.flush();
      await notifyCaseEvent(em, { caseId, type: event, stage: state.stage, at: new Date().toISOString() });
    });
  };
}
