// Activity stubs for the case workflow. Sandbox code: the activities' *types* only.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';

// Short, idempotent database work runs as local activities: inside the worker's workflow task, recorded as
// markers, with no task-queue round trip per step. That is most of a case's steps, and most of its cost.
export const { openCase, loadPolicy, recordInbound, screenInbound, recordTransition, applyOptKeyword } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

// Steps that talk to other services or workflows stay ordinary activities: any worker may take them, and
// Temporal times and retries each attempt on its own.
export const { supersedeCases, notifySupervisors } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

// Sending and drafting heartbeat (activities/heartbeat.ts): a worker that dies mid-call is noticed after
// HEARTBEAT_TIMEOUT, not after the whole start-to-close timeout. Activity options are not part of a
// workflow's replayed commands, so changing them needs no patch.
const HEARTBEAT_TIMEOUT = '5s';

// Sending is the one step with an outside effect; the activity itself guarantees at most one provider
// message per case (send ledger), so retrying it is safe.
export const { sendReply } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '60s',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/** The drafter gets a bounded retry budget: after it, the case goes to a human without a draft. */
export function drafter(maximumAttempts: number, initialInterval: string) {
  return proxyActivities<CaseActivities>({
    startToCloseTimeout: '60s',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: { initialInterval, backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts },
  }).draftReply;
}
