import type { Client } from '@temporalio/client';
import type { Orm } from '../db/orm.js';
import type { Config } from '../runtime/config.js';
import type { CaseEventHub } from './case-event-hub.js';
import type { EmulatorCarrier } from './emulator/twilio-delivery.js';

/** Everything the API touches, built by api/main.ts (or a test) and handed to buildApp. */
export interface ApiDeps {
  config: Config;
  orm: Orm;
  temporal: Client;
  caseEvents: CaseEventHub;
  /** The Twilio emulator's delivery simulation, when emulating; the owner closes it on shutdown. */
  emulatorCarrier?: EmulatorCarrier;
}
