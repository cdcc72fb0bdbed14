// Case transitions are written by many workflows at once. With more concurrent transitions than
// database connections, every one of them must still commit (and notify), not wait on each other.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities/index.js';
import { CaseSchema } from '../../db/entities/index.js';
import { initOrm, type Orm } from '../../db/orm.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { customerNumber, messageSid } from '../helpers/twilio.js';

let orm: Orm;
beforeAll(async () => {
  orm = await initOrm({ clientUrl: inject('databaseUrl'), pool: { min: 0, max: 2 } });
});
afterAll(async () => {
  await orm?.close();
});

describe('the case read model', () => {
  it('records many transitions at once with a small connection pool', async () => {
    const activities = createActivities({ orm } as ActivityDeps);
    const caseIds = Array.from({ length: 8 }, () => `msg:sms:${messageSid()}`);
    await Promise.all(caseIds.map((caseId) => activities.recordInbound({
      caseId,
      message: { channel: 'sms', providerMessageId: caseId.slice(8), from: customerNumber(), to: EMULATOR_BUSINESS_NUMBER, body: `hello ${randomUUID()}`, receivedAt: new Date().toISOString() },
    })));

    const transitions = Promise.all(caseIds.map((caseId) => activities.recordTransition({
      caseId,
      event: 'screened',
      state: {
        caseId, stage: 'drafting', channel: 'sms', intent: null, confidence: null, escalationLevel: 0, deadline: null, draft: null,
        reply: null, guardrail: { classification: 'in_scope', findings: [] }, decision: null, customerId: null, policyVersion: 0,
        claim: null, outbound: null, wouldAutoSend: null, draftError: null, supersedes: [], supersededBy: null,
      },
    })));
    const timedOut = new Promise((_, reject) => setTimeout(() => reject(new Error('transitions are waiting on each other')), 10_000));
    await Promise.race([transitions, timedOut]);

    const rows = await orm.em.fork().find(CaseSchema, { id: { $in: caseIds } });
    expect(rows.map((r) => r.stage)).toEqual(caseIds.map(() => 'drafting'));
  });
});
