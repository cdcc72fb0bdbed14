import type { Client } from '@temporalio/client';
import type { ReplySender } from '../channels/reply-sender.js';
import type { Orm } from '../db/orm.js';
import type { Drafter } from '../llm/drafter.js';
import type { CasePolicy } from '../domain/policy.js';
import type { SupervisorNotifier } from './supervisor-notifier.js';

/** What activities may touch. Built by workers/activity-deps.ts; tests build it with local servers. */
export interface ActivityDeps {
  orm: Orm;
  drafter: Drafter;
  sender: ReplySender;
  /** Temporal client for signalling other cases (supersede). */
  temporal: Client;
  notifier: SupervisorNotifier;
  /** Defaults from the environment; stored policy versions override them. */
  policyDefaults: CasePolicy;
  /** Calibrate drafts' confidence per intent from reviewers' decisions (config.calibration). */
  calibration: boolean;
}
