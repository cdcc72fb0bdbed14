// How a case opens: the policy in force, the inbound records and the `case_opened` transition.
import { patched } from '@temporalio/workflow';
import type { RecordedInbound } from '../activities/record-inbound.activity.js';
import { loadPolicy, openCase as openCaseStep, recordInbound } from './case-activities.js';
import type { CasePolicy } from './case-policy.js';
import type { CaseState, InboundMessage } from './contract.js';

export interface Publishing {
  /** Upserts the case's search attributes from its state. */
  upsertSearchAttributes(): void;
  /** Upserts search attributes and records the transition (read model, audit, caseEvents). */
  publish(event: string, detail?: Record<string, unknown>): Promise<void>;
}

/** Opens the case and fills `state` with its policy version, customer and the earlier cases it supersedes. */
export async function openCase(state: CaseState, message: InboundMessage, publishing: Publishing): Promise<{ policy: CasePolicy; recorded: RecordedInbound }> {
  // One local activity instead of three: each costs the worker a workflow activation. Cases opened before
  // replay the three their histories recorded.
  if (patched('open-case-in-one-step')) {
    publishing.upsertSearchAttributes();
    const opened = await openCaseStep({ caseId: state.caseId, message, state: { ...state } });
    applyOpened(state, opened.policy, opened.recorded);
    return opened;
  }
  const policy = await loadPolicy();
  state.policyVersion = policy.version;
  const recorded = await recordInbound({ caseId: state.caseId, message });
  applyOpened(state, policy, recorded);
  await publishing.publish('case_opened', { policyVersion: policy.version });
  return { policy, recorded };
}

function applyOpened(state: CaseState, policy: CasePolicy, recorded: RecordedInbound): void {
  state.policyVersion = policy.version;
  state.customerId = recorded.customerId;
  state.supersedes = recorded.openCaseIds;
}
