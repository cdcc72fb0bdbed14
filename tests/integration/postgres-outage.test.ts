// PostgreSQL unavailable for 10 seconds, on a server of this test's own: stopped and started again on the
// same data directory, while one case waits to be sent, one is being opened and one arrives mid-outage.
// Activities retry until it is back, the API answers 503 meanwhile, and every customer gets exactly one reply.
import { rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate } from '../../db/orm.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../runtime/embedded-postgres.js';
import { freePort } from '../../runtime/ports.js';
import { decideUpdate } from '../../workflows/contract.js';
import { receiveSms, repliesTo, waitForCaseRow } from '../helpers/cases.js';
import { gql, signIn } from '../helpers/graphql.js';
import { installRuntime, startStack, type Stack } from '../helpers/stack.js';

const OUTAGE_MS = 10_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-pg-outage-'));
let port: number;
let postgres: RunningPostgres;
let stack: Stack;
let postgresDown = false;

// persistent: the data directory outlives stop(), as a real server's disk does; removed in afterAll.
const startPostgres = () => startEmbeddedPostgres({ dir, port, persistent: true });

beforeAll(async () => {
  installRuntime('ERROR');
  port = await freePort();
  postgres = await startPostgres();
  const orm = await initOrm({ clientUrl: postgres.url });
  await migrate(orm);
  await orm.close();
  stack = await startStack({ env: { DATABASE_URL: postgres.url } });
});
afterAll(async () => {
  // A test that failed mid-outage leaves the server stopped; the stack stops cleanly only with it back.
  if (postgresDown) postgres = await startPostgres();
  await stack?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function inbound(body: string) {
  const received = await receiveSms(stack, body);
  expect(received.response.status).toBe(200);
  return received;
}

const caseInStage = (caseId: string, stage: string) => waitForCaseRow(stack.orm, caseId, stage);

describe('PostgreSQL unavailable for 10 s', () => {
  it('holds every case until it is back, answers 503 meanwhile, and sends each reply exactly once', { timeout: 120_000 }, async () => {
    const approved = await inbound('Where is my order 6101?');
    await caseInStage(approved.caseId, 'awaiting_review');
    const reviewer = await signIn(stack.url, stack.orm, 'REVIEWER');

    // A message arrives, and the database goes away while its case opens.
    const opening = await inbound('Where is my order 6102?');
    await postgres.stop();
    postgresDown = true;
    const downSince = Date.now();

    // Webhooks need only Temporal: a message arriving mid-outage is taken, and waits.
    const arrived = await inbound('Where is my order 6103?');
    // An ops decision by Update is taken by the workflow; its send waits for the database.
    await stack.client.workflow.getHandle(approved.caseId).executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'ops@example.com' }] });
    // The console's API cannot read sessions or cases: a clear 503, and the readiness probe says why.
    const console = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reviewer.token}` },
      body: JSON.stringify({ query: '{ cases(first: 5) { edges { node { id } } } }' }),
    });
    expect(console.status).toBe(503);
    expect(console.headers.get('retry-after')).toBe('5');
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).postgres.ok).toBe(false);

    await sleep(OUTAGE_MS - (Date.now() - downSince));
    postgres = await startPostgres();
    postgresDown = false;

    await caseInStage(approved.caseId, 'sent');
    await Promise.all([caseInStage(opening.caseId, 'awaiting_review'), caseInStage(arrived.caseId, 'awaiting_review')]);
    for (const { caseId } of [opening, arrived]) {
      const { errors } = await gql(stack.url, 'mutation($id: ID!) { decideCase(id: $id, input: { decision: APPROVE }) { stage } }', { id: caseId }, reviewer.token);
      expect(errors).toBeUndefined();
    }
    await Promise.all([opening, arrived].map(({ caseId }) => caseInStage(caseId, 'sent')));
    const replies = await Promise.all([approved, opening, arrived].map(({ customer }) => repliesTo(stack, customer)));
    expect(replies.map((r) => r.length)).toEqual([1, 1, 1]);
    expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
  });
});
