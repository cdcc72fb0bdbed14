// Every activity the case workflow calls, built around explicit dependencies.
// The workflow imports this module's *type* only.
import { applyOptKeywordActivity } from './apply-opt-keyword.activity.js';
import type { ActivityDeps } from './deps.js';
import { draftReplyActivity } from './draft-reply.activity.js';
import { heartbeating } from './heartbeat.js';
import { loadPolicyActivity } from './load-policy.activity.js';
import { notifySupervisorsActivity } from './notify-supervisors.activity.js';
import { openCaseActivity } from './open-case.activity.js';
import { recordInboundActivity } from './record-inbound.activity.js';
import { recordTransitionActivity } from './record-transition.activity.js';
import { screenInboundActivity } from './screen-inbound.activity.js';
import { sendReplyActivity } from './send-reply.activity.js';
import { supersedeCasesActivity } from './supersede-cases.activity.js';

export type { ActivityDeps } from './deps.js';

export function createActivities(deps: ActivityDeps) {
  return {
    openCase: openCaseActivity(deps),
    // loadPolicy and recordInbound: for cases opened before openCase did both (see workflows/open-case.ts).
    loadPolicy: loadPolicyActivity(deps),
    recordInbound: recordInboundActivity(deps),
    screenInbound: screenInboundActivity(deps),
    // The two calls to the outside world heartbeat, so a worker lost mid-call is noticed in seconds.
    draftReply: heartbeating(draftReplyActivity(deps)),
    recordTransition: recordTransitionActivity(deps),
    sendReply: heartbeating(sendReplyActivity(deps)),
    supersedeCases: supersedeCasesActivity(deps),
    notifySupervisors: notifySupervisorsActivity(deps),
    applyOptKeyword: applyOptKeywordActivity(deps),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
