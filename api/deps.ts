import type { Client } from '@temporalio/client';
import type { Orm } from '../db/orm.js';
import type { Config } from '../runtime/config.js';
import type { CaseEventHub } from './case-event-hub.js';

/** Everything the API touches, built by api/main.ts (or a test) and handed to buildApp. */
export interface ApiDeps {
  config: Config;
  orm: Orm;
  temporal: Client;
  caseEvents: CaseEventHub;
}
