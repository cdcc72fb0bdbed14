// Clients hang up on streams all the time: a phone loses signal, a tab closes, a page switches number while it
// subscribes. Hundreds of streams on every streaming endpoint of a real API process are opened and cut at
// random points (before the headers, after the first bytes, mid-export) while signed Twilio webhooks arrive;
// the API process must survive all of it, answer every webhook and record every case.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../runtime/ports.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { receiveSms, waitForCaseRow } from '../helpers/cases.js';
import { signIn } from '../helpers/graphql.js';
import { spawnProduct, type ProductProcess } from '../helpers/product-process.js';
import { seededRandom } from '../../runtime/seeded-random.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let api: ProductProcess;
let apiUrl: string;
let apiExit: string | undefined;

beforeAll(async () => {
  // The in-process stack brings the worker; the API under test is a process of its own on the same queue.
  stack = await startStack();
  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  api = await spawnProduct('api', {
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    PORT: String(port),
    PUBLIC_URL: apiUrl,
  });
  api.exited.then((how) => { apiExit = how; });
});
afterAll(async () => {
  await api?.stop();
  await stack?.stop();
});

/** A signed SMS webhook to the API under test; a refused connection is an answer too (the one that loses messages). */
const deliverSms = (body: string): Promise<{ status: number | string; caseId: string }> =>
  receiveSms(stack, body, {}, { url: apiUrl, publicUrl: apiUrl })
    .then(({ response, caseId }) => ({ status: response.status, caseId }), (error: Error) => ({ status: String(error.cause ?? error), caseId: '' }));

type Cut = 'before-headers' | 'after-first-bytes' | 'mid-body';

/** Opens one request and cuts the connection at the chosen point; resolves when the socket is gone. */
function openAndCut(path: string, headers: Record<string, string>, cut: Cut, random: () => number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(`${apiUrl}${path}`, { headers, agent: false });
    const hangUp = () => {
      request.destroy();
      resolve();
    };
    request.on('error', () => resolve());
    request.on('close', () => resolve());
    if (cut === 'before-headers') {
      // Anywhere from "the request line is not even sent" to "the server is about to answer".
      setTimeout(hangUp, Math.floor(random() * 15));
      return;
    }
    request.on('response', (response) => {
      let received = 0;
      const enough = cut === 'after-first-bytes' ? 1 : 1 + Math.floor(random() * 64 * 1024);
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= enough) hangUp();
      });
      // Streams that have nothing to say yet are cut after a moment, still mid-stream.
      setTimeout(hangUp, 20 + Math.floor(random() * 80));
      response.on('end', () => resolve());
    });
  });
}

describe('streams cut short by their clients', () => {
  it('never take the API down: every webhook meanwhile is answered and its case recorded', async () => {
    const supervisor = await signIn(stack.url, stack.orm, 'SUPERVISOR');
    const bearer = { authorization: `Bearer ${supervisor.token}` };

    // A chat visitor of our own, so the web chat's event stream has someone to stream for.
    const chat = await fetch(`${apiUrl}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Do you open on Sundays?', clientMessageId: randomUUID() }),
    });
    expect(chat.status).toBe(202);
    const visitorCookie = chat.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // A long audit log of one actor, so an export is still streaming when it is cut.
    const actor = `stream-${randomUUID().slice(0, 8)}@example.com`;
    await stack.orm.em.fork().getConnection().execute(
      `insert into audit_events (actor, type, detail, created_at)
       select ?, 'stream_test', jsonb_build_object('n', n, 'filler', repeat('x', 200)), now() from generate_series(1, 20000) n`,
      [actor],
    );

    const sse = { ...bearer, accept: 'text/event-stream' };
    const subscription = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
    const doors: { path: string; headers: Record<string, string> }[] = [
      { path: subscription('subscription { caseEvents { caseId type } }'), headers: sse },
      { path: subscription('subscription { caseEvents(caseId: "msg:sms:SMnone") { caseId } }'), headers: sse },
      { path: subscription(`subscription { handsetEvents(number: "${EMULATOR_BUSINESS_NUMBER}", channel: SMS) { sid } }`), headers: sse },
      { path: subscription('{ me { email } }'), headers: { ...bearer, accept: 'multipart/mixed' } },
      { path: '/chat/api/events', headers: { cookie: visitorCookie, accept: 'text/event-stream' } },
      { path: `/api/audit/export?format=jsonl&actor=${encodeURIComponent(actor)}`, headers: bearer },
      { path: `/api/audit/export?format=csv&actor=${encodeURIComponent(actor)}`, headers: bearer },
    ];
    const cuts: Cut[] = ['before-headers', 'after-first-bytes', 'mid-body'];

    const random = seededRandom(17);
    const webhooks: Promise<{ status: number | string; caseId: string }>[] = [];
    for (let round = 0; round < 12; round++) {
      const streams = Array.from({ length: 40 }, (_, i) => {
        const door = doors[(round * 40 + i) % doors.length]!;
        return openAndCut(door.path, door.headers, cuts[Math.floor(random() * cuts.length)]!, random);
      });
      // Twilio keeps delivering while browsers hang up.
      webhooks.push(deliverSms(`Where is my parcel ${round}?`));
      await Promise.all(streams);
    }

    const delivered = await Promise.all(webhooks);
    expect(apiExit, `the API process ended: ${api.output().slice(-2000)}`).toBeUndefined();
    expect(delivered.map((d) => d.status)).toEqual(delivered.map(() => 200));
    await Promise.all(delivered.map(({ caseId }) => waitForCaseRow(stack.orm, caseId, 'awaiting_review')));

    // Still serving, and it said nothing about crashed streams.
    expect((await fetch(`${apiUrl}/healthz`)).status).toBe(200);
    expect(apiExit).toBeUndefined();
    expect(api.output()).not.toMatch(/TypeError|uncaught|unhandled/i);
  });
});
