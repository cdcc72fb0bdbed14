// Every activity the case workflow calls, built around explicit dependencies.
// The workflow imports this module's *type* only.
import type { ActivityDeps } from './deps.js';
import { draftReplyActivity } from './draft-reply.activity.js';
import { recordInboundActivity } from './record-inbound.activity.js';
import { recordTransitionActivity } from './record-transition.activity.js';
import { screenInboundActivity } from './screen-inbound.activity.js';
import { sendReplyActivity } from './send-reply.activity.js';

export type { ActivityDeps } from './deps.js';

export function createActivities(deps: ActivityDeps) {
  return {
    recordInbound: recordInboundActivity(deps),
    screenInbound: screenInboundActivity(deps),
    draftReply: draftReplyActivity(deps),
    recordTransition: recordTransitionActivity(deps),
    sendReply: sendReplyActivity(deps),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
