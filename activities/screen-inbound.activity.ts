import { CaseSchema } from '../db/entities/index.js';
import { activeGuardrail } from '../db/guardrail-rule-sets.js';
import type { GuardrailClassification, GuardrailFinding } from '../domain/guardrail.js';
import type { ActivityDeps } from './deps.js';

export interface ScreenVerdict {
  classification: GuardrailClassification;
  findings: GuardrailFinding[];
  /** The neutral reply of the forbidden topic the message hit, when the admin configured one. */
  neutralReply?: string | null;
  /** The guardrail rule set version that screened the message. */
  ruleSetVersion?: number;
}

/**
 * Runs the rule set in force on the stored inbound text; the text itself stays out of workflow history.
 */
export function screenInboundActivity({ orm }: ActivityDeps) {
  return async function screenInbound({ caseId }: { caseId: string }): Promise<ScreenVerdict> {
    const em = orm.em.fork();
    const found = await em.findOneOrFail(CaseSchema, { id: caseId });
    const guardrail = await activeGuardrail(em);
    const { classification, findings, redacted } = guardrail.screen(found.inboundText);
    await em.nativeUpdate(CaseSchema, { id: caseId }, { inboundRedacted: redacted });
    return { classification, findings, neutralReply: guardrail.topicReply(findings), ruleSetVersion: guardrail.version };
  };
}
