import { WorkflowNotFoundError } from '@temporalio/client';
import { supersedeSignal } from '../workflows/contract.js';
import type { ActivityDeps } from './deps.js';

/** Tells earlier undecided cases of the conversation that a newer message replaces them. */
export function supersedeCasesActivity({ temporal }: ActivityDeps) {
  return async function supersedeCases({ caseIds, byCaseId }: { caseIds: string[]; byCaseId: string }): Promise<void> {
    for (const caseId of caseIds) {
      try {
        await temporal.workflow.getHandle(caseId).signal(supersedeSignal, { byCaseId });
      } catch (error) {
        // Closed in the meantime (decided, expired): nothing left to supersede.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
  };
}
