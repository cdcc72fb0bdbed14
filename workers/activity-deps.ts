import type { Client } from '@temporalio/client';
import type { ActivityDeps } from '../activities/index.js';
import { LogNotifier } from '../activities/supervisor-notifier.js';
import { TwilioReplySender } from '../channels/twilio-sender.js';
import { ChannelReplySender } from '../channels/web-chat-sender.js';
import type { Orm } from '../db/orm.js';
import { PgCompletionStore } from '../llm/completion-store.js';
import { createDrafter } from '../llm/index.js';
import type { Config } from '../runtime/config.js';
import { defaultPolicy } from '../domain/policy.js';

export function buildActivityDeps(config: Config, orm: Orm, temporal: Client): ActivityDeps {
  return {
    orm,
    temporal,
    drafter: createDrafter(config.llm, new PgCompletionStore(orm)),
    sender: new ChannelReplySender(new TwilioReplySender(config.twilio, `${config.publicUrl}/webhooks/twilio/status`)),
    notifier: new LogNotifier(),
    policyDefaults: defaultPolicy(config.timeouts),
    calibration: config.calibration,
  };
}
