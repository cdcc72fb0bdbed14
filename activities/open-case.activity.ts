import type { CasePolicy } from '../domain/policy.js';
import type { CaseState, InboundMessage } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';
import { loadPolicyActivity } from './load-policy.activity.js';
import { recordInboundActivity, type RecordedInbound } from './record-inbound.activity.js';
import { recordTransitionActivity } from './record-transition.activity.js';

export interface OpenCaseInput {
  caseId: string;
  message: InboundMessage;
  /** The workflow's state as the case opens; the policy version is filled in here. */
  state: CaseState;
}

export interface OpenedCase {
  policy: CasePolicy;
  recorded: RecordedInbound;
}

/**
 * The start of every case: the policy in force, the inbound records and the `case_opened` transition, as
 * one local activity. As three, each cost the worker a workflow activation, which is more than their SQL.
 * Safe to retry as a whole, since each step is: a retry may pick up a policy saved in the meantime and
 * then records that one, the case being opened by the attempt that completes.
 */
export function openCaseActivity(deps: ActivityDeps) {
  const loadPolicy = loadPolicyActivity(deps);
  const recordInbound = recordInboundActivity(deps);
  const recordTransition = recordTransitionActivity(deps);
  return async function openCase({ caseId, message, state }: OpenCaseInput): Promise<OpenedCase> {
    const policy = await loadPolicy();
    const recorded = await recordInbound({ caseId, message });
    await recordTransition({
      caseId,
      state: { ...state, policyVersion: policy.version, customerId: recorded.customerId, supersedes: recorded.openCaseIds },
      event: 'case_opened',
      detail: { policyVersion: policy.version },
    });
    return { policy, recorded };
  };
}
