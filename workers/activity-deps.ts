import type { ActivityDeps } from '../activities/index.js';
import { TwilioReplySender } from '../channels/twilio-sender.js';
import type { Orm } from '../db/orm.js';
import { createDrafter } from '../llm/index.js';
import type { Config } from '../runtime/config.js';

export function buildActivityDeps(config: Config, orm: Orm): ActivityDeps {
  return {
    orm,
    drafter: createDrafter(config.llm),
    sender: new TwilioReplySender(config.twilio, `${config.publicUrl}/webhooks/twilio/status`),
  };
}
