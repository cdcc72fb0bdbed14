// The Temporal server going away and coming back while cases wait: a dev server in persistent mode (SQLite,
// as `npm start` runs it) is stopped and started again on the same file. Waiting cases keep their drafts and
// deadlines, a review deadline that passed while it was down fires once it is back, the worker and the API
// reconnect by themselves, and each customer gets exactly one reply.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CaseSchema } from '../../db/entities/index.js';
import { freePort } from '../../runtime/ports.js';
import { startDevServer, type RunningDevServer } from '../../runtime/temporal-dev-server.js';
import { openCase, receiveSms, repliesTo, waitForCaseRow } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { installRuntime, startStack, type Stack } from '../helpers/stack.js';

let server: RunningDevServer;
let stack: Stack;
let port: number;
const dbFilename = path.join(mkdtempSync(path.join(os.tmpdir(), 'countersign-temporal-')), 'temporal.db');

const startServer = () => startDevServer({ cli: inject('temporalCli'), port, namespace: 'default', dbFilename });

beforeAll(async () => {
  // The worker's polls fail while the server is away, by design here: its retry warnings are noise.
  installRuntime('ERROR');
  port = await freePort();
  server = await startServer();
  stack = await startStack({ env: { TEMPORAL_ADDRESS: server.address, COUNTERSIGN_REVIEW_TIMEOUT: '1h' } });
});
afterAll(async () => {
  try {
    await stack?.stop();
  } finally {
    await server?.stop();
    rmSync(path.dirname(dbFilename), { recursive: true, force: true });
  }
});

const inbound = (body: string, overrides?: Record<string, string>) => receiveSms(stack, body, overrides);
const caseInStage = (caseId: string, stage: string) => waitForCaseRow(stack.orm, caseId, stage);

const DECIDE = 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { id stage } }';

describe('the Temporal server restarted while cases wait', () => {
  it('keeps waiting cases, fires a deadline that passed while it was down, and sends each reply once', async () => {
    const waiting = await Promise.all([inbound('Where is my order 7001?'), inbound('Where is my order 7002?')]);
    for (const { response } of waiting) expect(response.status).toBe(200);
    // One case's review time runs out while the server is down.
    const due = await openCase(stack, 'Where is my order 7009?', { timeouts: { review: '6s', escalation: '1h' } });
    await Promise.all([...waiting.map(({ caseId }) => caseInStage(caseId, 'awaiting_review')), caseInStage(due.caseId, 'awaiting_review')]);
    const { deadline } = await stack.orm.em.fork().findOneOrFail(CaseSchema, { id: due.caseId });

    await server.stop();
    // The deadline is still ahead: it passes while the server is away.
    expect(Date.now()).toBeLessThan(deadline!.getTime());
    expect((await stack.orm.em.fork().findOneOrFail(CaseSchema, { id: due.caseId })).stage).toBe('awaiting_review');

    // A webhook meanwhile gets its 503 well inside Twilio's 15 s.
    const askedAt = Date.now();
    const whileDown = await inbound('Where is my order 7003?');
    expect(whileDown.response.status).toBe(503);
    expect(Date.now() - askedAt).toBeLessThan(12_000);
    expect(await whileDown.response.text()).toMatch(/try again/i);
    await sleep(Math.max(1_000, deadline!.getTime() - Date.now() + 500));
    server = await startServer();
    const escalated = await caseInStage(due.caseId, 'escalated');
    expect(escalated.escalationLevel).toBe(1);

    // Twilio delivers the refused webhook again; now it opens its case, once.
    const retried = await inbound('Where is my order 7003?', whileDown.params);
    expect(retried.response.status).toBe(200);
    await caseInStage(retried.caseId, 'awaiting_review');

    const reviewer = await signIn(stack.url, stack.orm, 'REVIEWER');
    for (const { caseId } of [...waiting, retried]) {
      const { data, errors } = await gql(stack.url, DECIDE, { id: caseId }, reviewer.token);
      expect(errors).toBeUndefined();
      expect(data!.decideCase).toMatchObject({ id: caseId });
    }
    await Promise.all([...waiting, retried].map(({ caseId }) => caseInStage(caseId, 'sent')));
    const replies = await Promise.all([...waiting, retried].map(({ customer }) => repliesTo(stack, customer)));
    expect(replies.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(await repliesTo(stack, due.customer)).toEqual([]);
  });
});
