// `npm run bench:api`: how fast the GraphQL API answers the console and admins, on a month of seeded volume
// (bench/api-seed.ts: 10,000 cases, 100,000 audit events), through real HTTP. Prints a table; writes
// bench/results/api.json. bench/run.ts calls runApiBench() at its end, on its own Temporal server.
// Read queries need no worker: the API only needs a Temporal client to be built.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context as KoaContext } from 'koa';
import { buildApp } from '../api/app.js';
import { CaseEventHub } from '../api/case-event-hub.js';
import { EmulatorCarrier } from '../api/emulator/twilio-delivery.js';
import type { ApiDeps } from '../api/deps.js';
import { buildYoga } from '../api/graphql/yoga.js';
import { hashPassword } from '../auth/passwords.js';
import { UserSchema, type Role } from '../db/entities/index.js';
import { initOrm, migrate } from '../db/orm.js';
import { loadConfig } from '../runtime/config.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { freePorts } from '../runtime/ports.js';
import { provisionTemporalCli } from '../runtime/temporal-cli.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { SEARCH_WORD, seedApiVolume } from './api-seed.js';
import { percentile, round } from './stats.js';

const REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 200);
const WARMUP = 20;
const IN_FLIGHT = 20;
const PASSWORD = 'bench password for everyone';
const REVIEWERS = Array.from({ length: 8 }, (_, i) => `reviewer${i + 1}@bench.example`);

const QUEUE_FIELDS = `totalCount pageInfo { hasNextPage endCursor }
  edges { node { id inboundText intent confidence claimedBy deadline escalationLevel channel createdAt customer { id displayName } } }`;
const QUEUE = `query Queue { cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, first: 50) { ${QUEUE_FIELDS} } }`;
const SEARCH = `query Search($search: String!) { cases(filter: { search: $search }, first: 50) { ${QUEUE_FIELDS} } }`;
// The console's case page (ui/src/pages/case.graphql.ts) plus the conversation, timeline and edit diff.
const CASE_PAGE = `query Case($id: ID!) { case(id: $id) {
  id stage channel inboundText intent confidence draft reply escalationLevel deadline classification decision decidedBy
  createdAt updatedAt temporalUiUrl blockedReason deliveryStatus deliveryError
  attachments { url contentType } replies { id body part status errorCode createdAt }
  customer { id displayName optedOut identities { id channel address linkedBy } history(last: 20) { id caseId channel direction body createdAt } }
  findings { rule class severity start end } editDiff { op text }
  timeline { id actor type detail at }
  conversation { id channel customerAddress messages { id direction body status createdAt } } } }`;
const DASHBOARD = `query Dashboard($from: String!, $to: String!) { dashboard(from: $from, to: $to) {
  from to volume { channel count } volumeByDay { day channel count } autoSent humanDecided blocked
  timeToDecision { count p50Seconds p90Seconds } escalations slaBreaches guardrailHits { class rule count }
  intents { intent reviewed approved edited rejected autoSent acceptanceRate editRate } } }`;
const AUDIT = `query Audit($after: String) { auditLog(first: 50, after: $after) {
  edges { cursor node { id caseId actor type detail at } } pageInfo { hasNextPage endCursor } } }`;
const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const ME = 'query Me { me { id email role } }';
// Each refused document is new (its operation name carries the request number): Yoga caches parse and
// validation per document text, and an attacker would not send the same one twice.
const tooDeep = (i: number) => {
  let inner = 'id';
  for (let level = 0; level < 7; level++) inner = `customer { cases(first: 1) { ${inner} } }`;
  return `query Deep${i} { cases(first: 1) { edges { node { ${inner} } } } }`;
};
const aliasBomb = (i: number) => `query Aliases${i} { ${Array.from({ length: 100 }, (_, k) => `a${k}: me { id }`).join(' ')} }`;
// Within every limit (4,800 tokens, depth 2, no alias, cost 2,400): graphql-js's own overlapping-fields rule
// compares the 1,200 fields pairwise until its complexity budget aborts validation.
const REPEATED_FIELDS = 1_200;
const repeatedField = (i: number) => `query Repeated${i} { ${'me { id } '.repeat(REPEATED_FIELDS)}}`;

interface GraphQLBody {
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface ApiBenchOptions {
  /** A Temporal server already running (bench/run.ts's); otherwise a dev server is started for this run. */
  temporalAddress?: string;
}

export async function runApiBench(options: ApiBenchOptions = {}) {
  // Whatever has started is stopped, last first, however far the run got.
  const stops: (() => Promise<unknown> | void)[] = [];
  try {
    return await measure(options, stops);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

async function measure(options: ApiBenchOptions, stops: (() => Promise<unknown> | void)[]) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-api-'));
  const [pgPort, apiPort, temporalPort] = (await freePorts(3)) as [number, number, number];
  const pg = await startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: pgPort, persistent: false });
  stops.push(() => pg.stop());
  let temporalAddress = options.temporalAddress;
  if (!temporalAddress) {
    const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, console.log);
    if (!cli) throw new Error('the benchmark needs the Temporal CLI (npm run setup:temporal)');
    const temporal = await startDevServer({ cli: cli.path, port: temporalPort, namespace: 'default' });
    stops.push(() => temporal.stop());
    temporalAddress = temporal.address;
  }
  const config = loadConfig({ PORT: String(apiPort), DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: `bench-api-${randomUUID()}` });
  // The API's own pool size (db/mikro-orm.config.ts), so the concurrent figures are the product's.
  const orm = await initOrm({ clientUrl: pg.url });
  stops.push(() => orm.close());
  await migrate(orm);
  const connection = await Connection.connect({ address: temporalAddress });
  stops.push(() => connection.close());
  const caseEvents = new CaseEventHub(pg.url);
  await caseEvents.start();
  stops.push(() => caseEvents.close());
  const emulatorCarrier = new EmulatorCarrier(orm, config.twilio.authToken);
  stops.push(() => emulatorCarrier.close());
  const deps: ApiDeps = { config, orm, temporal: new Client({ connection }), caseEvents, emulatorCarrier };
  const server: Server = buildApp(deps).listen(apiPort, '127.0.0.1');
  stops.push(() => {
    server.closeAllConnections();
    server.close();
  });
  await once(server, 'listening');
  const url = `http://127.0.0.1:${apiPort}`;

  const seedStart = performance.now();
  const seeded = await seedApiVolume(pg.url, { cases: 10_000, auditEvents: 100_000, reviewers: REVIEWERS });
  const seedSeconds = round((performance.now() - seedStart) / 1000);
  await createUsers(orm.em.fork(), [['supervisor@bench.example', 'SUPERVISOR'], ...REVIEWERS.map((email) => [email, 'REVIEWER'] as [string, Role])]);

  const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLBody> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST', body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return (await response.json()) as GraphQLBody;
  };
  // A benchmark that times errors measures nothing: every answer is checked.
  const answered = async (query: string, variables: Record<string, unknown>, token: string) => {
    const body = await graphql(query, variables, token);
    if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}… answered ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const refused = async (query: string, token: string, code = 'QUERY_TOO_COMPLEX') => {
    const body = await graphql(query, {}, token);
    if (body.errors?.[0]?.extensions?.code !== code) throw new Error(`not refused with ${code}: ${JSON.stringify(body).slice(0, 200)}`);
  };
  const login = async (email: string) => (await answered(LOGIN, { email, password: PASSWORD }, '')).login.token as string;
  const supervisor = await login('supervisor@bench.example');
  const reviewer = await login(REVIEWERS[0]!);

  const queue = await answered(QUEUE, {}, reviewer);
  const search = await answered(SEARCH, { search: SEARCH_WORD }, reviewer);
  // Cases a reviewer opens: decided ones (a quarter of them edited) and waiting ones, each once.
  const casePageIds = await orm.em.fork().getConnection().execute<{ id: string }[]>(
    `select id from cases where decision is not null or stage in ('awaiting_review', 'escalated') order by md5(id) limit ${REQUESTS + WARMUP}`);
  const now = new Date();
  const month = { from: new Date(now.getTime() - 30 * 86_400_000).toISOString(), to: now.toISOString() };
  const secondPage = (await answered(AUDIT, {}, supervisor)).auditLog.pageInfo.endCursor as string;

  const figures = {
    httpFloor: figure(await sequential(() => fetch(`${url}/healthz`).then((r) => r.text())), { note: 'GET /healthz: the floor of this setup' }),
    reviewQueue: figure(await sequential(() => answered(QUEUE, {}, reviewer)), { totalCount: queue.cases.totalCount, rows: queue.cases.edges.length }),
    search: figure(await sequential(() => answered(SEARCH, { search: SEARCH_WORD }, reviewer)), { word: SEARCH_WORD, totalCount: search.cases.totalCount }),
    casePage: figure(await sequential((i) => answered(CASE_PAGE, { id: casePageIds[i]!.id }, reviewer)), { cases: casePageIds.length, note: 'a different decided or waiting case each request' }),
    dashboard30Days: figure(await sequential(() => answered(DASHBOARD, month, supervisor)), { days: 30 }),
    auditLogFirstPage: figure(await sequential(() => answered(AUDIT, {}, supervisor)), { rows: 50 }),
    auditLogSecondPage: figure(await sequential(() => answered(AUDIT, { after: secondPage }, supervisor)), { rows: 50 }),
    auditExportCsv: await exportCsv(url, supervisor),
    login: figure(await sequential((i) => login(REVIEWERS[i % REVIEWERS.length]!), REQUESTS, 5), { note: 'argon2id 19 MiB, 2 passes, plus the throttle check and the audit row' }),
    me: figure(await sequential(() => answered(ME, {}, reviewer))),
    refusedTooDeep: figure(await sequential((i) => refused(tooDeep(i), reviewer)), { ...await serverWork(deps, (i) => tooDeep(1e6 + i)), depth: 18 }),
    refusedAliasBomb: figure(await sequential((i) => refused(aliasBomb(i), reviewer)), { ...await serverWork(deps, (i) => aliasBomb(1e6 + i)), aliases: 100 }),
    refusedRepeatedField: figure(await sequential((i) => refused(repeatedField(i), reviewer, 'QUERY_TOO_COMPLEX'), 200, 20), { fields: REPEATED_FIELDS, bytes: repeatedField(0).length }),
    meServerWork: await serverWork(deps, () => ME, reviewer),
    reviewQueueConcurrent: await concurrent(() => answered(QUEUE, {}, reviewer)),
  };
  const results = {
    at: new Date().toISOString(),
    setup: `embedded PostgreSQL, API in-process (pool of 10, as in production), load generator in the same process over HTTP, ${os.cpus().length} cores; Temporal ${options.temporalAddress ? 'server shared with bench/run.ts' : 'dev server (in memory)'}, no worker`,
    machine: { cpus: os.cpus().length, node: process.version },
    seeded: { ...seeded, seconds: seedSeconds },
    ...figures,
  };
  printTable(results);
  const out = path.resolve('bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'api.json'), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

/** Users as createUser makes them: lower-case email, argon2id hash. */
async function createUsers(em: EntityManager, users: [string, Role][]) {
  for (const [email, role] of users) em.create(UserSchema, { email, role, passwordHash: await hashPassword(PASSWORD) });
  await em.flush();
}

/** Milliseconds of each of `count` requests sent one after another, after `warmup` untimed ones. */
async function sequential(run: (i: number) => Promise<unknown>, count = REQUESTS, warmup = WARMUP): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i);
  const ms: number[] = [];
  for (let i = warmup; i < warmup + count; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  return ms;
}

function figure<Extra extends object = object>(ms: number[], extra?: Extra) {
  return { requests: ms.length, p50_ms: round(percentile(ms, 50), 2), p99_ms: round(percentile(ms, 99), 2), ...extra } as { requests: number; p50_ms: number; p99_ms: number } & Extra;
}

/** `IN_FLIGHT` requests at once, each sender starting its next as soon as its last is answered. */
async function concurrent(run: () => Promise<unknown>, perSender = 12) {
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => run()));
  const ms: number[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    for (let i = 0; i < perSender; i++) {
      const sent = performance.now();
      await run();
      ms.push(performance.now() - sent);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  return { ...figure(ms), inFlight: IN_FLIGHT, requests_per_s: round(ms.length / seconds) };
}

/**
 * The server's own share, without HTTP or Koa: Yoga answering in-process. A refused document never gets as
 * far as building the context (Yoga validates first), so it needs no request; `me` reads the caller's token,
 * so it gets the two Koa fields the context reads.
 */
async function serverWork(deps: ApiDeps, query: (i: number) => string, token?: string) {
  const yoga = buildYoga(deps);
  const koa = { protocol: 'http', host: '127.0.0.1', ip: '127.0.0.1' } as unknown as KoaContext;
  const ms = await sequential(async (i) => {
    const response = await yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST', body: JSON.stringify({ query: query(i) }),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, { koa });
    await response.text();
  });
  return { server_p50_ms: round(percentile(ms, 50), 3), server_p99_ms: round(percentile(ms, 99), 3) };
}

/** The whole audit log as CSV, as a supervisor downloads it: once untimed, then three times. */
async function exportCsv(url: string, token: string) {
  const runs: { totalMs: number; firstByteMs: number; rows: number; bytes: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    const response = await fetch(`${url}/api/audit/export?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
    let firstByteMs = 0;
    let rows = -1; // the header line
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      firstByteMs ||= performance.now() - start;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) rows++;
    }
    if (i > 0) runs.push({ totalMs: performance.now() - start, firstByteMs, rows, bytes });
  }
  const median = [...runs].sort((a, b) => a.totalMs - b.totalMs)[1]!;
  return {
    runs: runs.length, p50_ms: round(median.totalMs), p99_ms: round(Math.max(...runs.map((r) => r.totalMs))), rows: median.rows,
    mb: round(median.bytes / 2 ** 20, 2), rows_per_s: round(median.rows / (median.totalMs / 1000), 0), first_byte_ms: round(median.firstByteMs, 2),
  };
}

function printTable(results: Awaited<ReturnType<typeof runApiBench>>) {
  const s = results.seeded;
  console.log(`\nCountersign API benchmark — ${results.setup}`);
  console.log(`seeded in ${s.seconds} s: ${s.cases} cases (${s.openCases} waiting), ${s.customers} customers, ${s.messages} messages, ${s.auditEvents} audit events\n`);
  const { httpFloor: floor, reviewQueue: queue, search, casePage, dashboard30Days: dash, auditLogFirstPage: a1, auditLogSecondPage: a2 } = results;
  const { auditExportCsv: csv, login, me, refusedTooDeep: deep, refusedAliasBomb: alias, refusedRepeatedField: repeated, meServerWork, reviewQueueConcurrent: many } = results;
  console.table({
    'GET /healthz (floor)': { p50: floor.p50_ms, p99: floor.p99_ms, extra: '' },
    'review queue, 50 of waiting': { p50: queue.p50_ms, p99: queue.p99_ms, extra: `totalCount ${queue.totalCount}` },
    [`search "${search.word}", first 50`]: { p50: search.p50_ms, p99: search.p99_ms, extra: `totalCount ${search.totalCount}` },
    'case page': { p50: casePage.p50_ms, p99: casePage.p99_ms, extra: `${casePage.cases} different cases` },
    'dashboard, 30 days': { p50: dash.p50_ms, p99: dash.p99_ms, extra: '' },
    'auditLog first 50': { p50: a1.p50_ms, p99: a1.p99_ms, extra: '' },
    'auditLog second page': { p50: a2.p50_ms, p99: a2.p99_ms, extra: '' },
    'audit export CSV (all)': { p50: csv.p50_ms, p99: csv.p99_ms, extra: `${csv.rows} rows, ${csv.rows_per_s} rows/s, ${csv.mb} MB, first byte ${csv.first_byte_ms} ms` },
    'login (argon2id)': { p50: login.p50_ms, p99: login.p99_ms, extra: `${login.requests} logins` },
    'me': { p50: me.p50_ms, p99: me.p99_ms, extra: `server ${meServerWork.server_p50_ms} / ${meServerWork.server_p99_ms}` },
    'refused: depth 18': { p50: deep.p50_ms, p99: deep.p99_ms, extra: `server ${deep.server_p50_ms} / ${deep.server_p99_ms}` },
    'refused: 100 aliases': { p50: alias.p50_ms, p99: alias.p99_ms, extra: `server ${alias.server_p50_ms} / ${alias.server_p99_ms}` },
    [`refused: ${repeated.fields} × me { id }`]: { p50: repeated.p50_ms, p99: repeated.p99_ms, extra: `${repeated.requests} requests, ${repeated.bytes} bytes, refused at the field limit before validation` },
    [`review queue, ${many.inFlight} in flight`]: { p50: many.p50_ms, p99: many.p99_ms, extra: `${many.requests_per_s} requests/s` },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const results = await runApiBench();
  console.log(JSON.stringify(results));
}
