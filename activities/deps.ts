import type { ReplySender } from '../channels/reply-sender.js';
import type { Orm } from '../db/orm.js';
import type { Drafter } from '../llm/drafter.js';

/** What activities may touch. Built by workers/main.ts; tests build it with local servers. */
export interface ActivityDeps {
  orm: Orm;
  drafter: Drafter;
  sender: ReplySender;
}
