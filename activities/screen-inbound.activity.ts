import { CaseSchema } from '../db/entities/index.js';
import { screenInbound as screen } from '../guardrails/screen-inbound.js';
import type { GuardrailClassification, GuardrailFinding } from '../workflows/contract.js';
import type { ActivityDeps } from './deps.js';

export interface ScreenVerdict {
  classification: GuardrailClassification;
  findings: GuardrailFinding[];
}

/** Runs the guardrail on the stored inbound text; the text itself stays out of workflow history. */
export function screenInboundActivity({ orm }: ActivityDeps) {
  return async function screenInbound({ caseId }: { caseId: string }): Promise<ScreenVerdict> {
    const found = await orm.em.fork().findOneOrFail(CaseSchema, { id: caseId });
    const { classification, findings } = screen(found.inboundText);
    return { classification, findings };
  };
}
