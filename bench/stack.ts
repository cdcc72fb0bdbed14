// What every benchmark runs against: embedded PostgreSQL, a Temporal dev server (SQLite), the API in its own
// process (bench/api-server.ts), one worker in its own process (the product's worker entry) and a 0 ms
// OpenAI-compatible endpoint. This process is the load generator. Provider calls are timed by the Twilio
// emulator's own records.
import { Client, Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import twilio from 'twilio';
import { EmulatorMessageSchema } from '../db/entities/index.js';
import { initOrm, migrate, type Orm } from '../db/orm.js';
import { EMULATOR_BUSINESS_NUMBER, loadConfig, type Config } from '../runtime/config.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { freePorts } from '../runtime/ports.js';
import { provisionTemporalCli } from '../runtime/temporal-cli.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { caseWorkflowId } from '../domain/case.js';
import { startFakeLlm } from './fake-llm.js';
import { rssMb } from './processes.js';

export const now = () => performance.timeOrigin + performance.now();

/**
 * The benchmark worker's memory budget unless WORKER_MEMORY_MB says otherwise: small enough that the cases a
 * run leaves waiting for a reviewer (about 450) overflow its workflow cache, so the run shows RSS levelling off.
 */
export const BENCH_WORKER_MEMORY_MB = '768';

export interface Webhook {
  caseId: string;
  /** The customer's number: the reply to it in the emulator is this case's reply. */
  to: string;
  sentAt: number;
  ackMs: number;
  /** 200; 503 when Temporal did not take the start within the webhook's deadline (Twilio retries those); else an error (the API's log says which). */
  status: number;
}

export interface BenchStack {
  config: Config;
  orm: Orm;
  client: Client;
  worker: ChildProcess;
  /** Process ids whose CPU time and memory the benchmarks read (bench/processes.ts). */
  pids: { worker: number; api: number; temporal: number; postgres: number; loadGenerator: number };
  /** Posts a signed inbound SMS as Twilio would. `unpolled`: to an API whose task queue no worker polls. */
  webhook(body: string, options?: { unpolled?: boolean; sid?: string; from?: string }): Promise<Webhook>;
  /** When the emulator (standing in for Twilio) accepted the reply to each number. */
  providerCalledAt(numbers: string[], timeoutMs: number): Promise<Map<string, number>>;
  workerRssMb(): number;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-'));
  const [pgPort, temporalPort, apiPort, llmPort, unpolledPort] = (await freePorts(5)) as [number, number, number, number, number];
  const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, console.log);
  if (!cli) throw new Error('the benchmark needs the Temporal CLI (npm run setup:temporal)');
  const [pg, temporal, llm] = await Promise.all([
    startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: pgPort, persistent: false }),
    startDevServer({ cli: cli.path, port: temporalPort, namespace: 'default', dbFilename: path.join(root, 'temporal.db') }),
    startFakeLlm(llmPort),
  ]);
  const env = {
    PORT: String(apiPort), DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    OPENAI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`, OPENAI_API_KEY: 'bench', LLM_MODEL: 'bench',
    COUNTERSIGN_REVIEW_TIMEOUT: '1h', COUNTERSIGN_ESCALATION_TIMEOUT: '1h',
  };
  const config = loadConfig(env);
  const orm = await initOrm({ clientUrl: pg.url, pool: { min: 2, max: 20 } });
  await migrate(orm);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  // The same API also on a task queue nobody polls: the acknowledgement path (signature, start, answer)
  // measured without case processing competing for the same two cores.
  const api = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/api-server.ts')], {
    env: { ...process.env, ...env, UNPOLLED_PORT: String(unpolledPort), UNPOLLED_TASK_QUEUE: `bench-unpolled-${randomUUID()}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A benchmark that throws leaves no Temporal server, API (or worker, below) behind.
  process.once('exit', () => {
    temporal.process.kill('SIGKILL');
    api.kill('SIGKILL');
  });
  const apiLog = path.join(root, 'api.log');
  api.stdout!.pipe(createWriteStream(apiLog));
  console.log(`bench API log: ${apiLog}`);
  await new Promise<void>((resolve, reject) => {
    api.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('bench API listening') && resolve());
    api.once('exit', (code) => reject(new Error(`the bench API exited (${code})`)));
  });

  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const worker = spawn(process.execPath, [...profile, '--import', 'tsx', path.resolve('bench/worker.ts')], {
    env: { ...process.env, ...env, LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'info', WORKER_MEMORY_MB: process.env.WORKER_MEMORY_MB ?? BENCH_WORKER_MEMORY_MB },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => worker.kill('SIGKILL'));
  await new Promise<void>((resolve) => worker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('polling') && resolve()));

  return {
    config, orm, client, worker,
    pids: {
      worker: worker.pid!, api: api.pid!, temporal: temporal.process.pid!, loadGenerator: process.pid,
      postgres: Number(readFileSync(path.join(root, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]),
    },
    async webhook(body, options = {}) {
      // A given sid and number replay a delivery, as Twilio's retries do.
      const sid = options.sid ?? `SM${randomUUID().replaceAll('-', '')}`;
      const from = options.from ?? `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const params = { MessageSid: sid, From: from, To: EMULATOR_BUSINESS_NUMBER, Body: body };
      const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken, `${config.publicUrl}/webhooks/twilio/messages`, params);
      const port = options.unpolled ? unpolledPort : apiPort;
      const sentAt = now();
      const response = await fetch(`http://127.0.0.1:${port}/webhooks/twilio/messages`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params),
      });
      await response.text();
      return { caseId: caseWorkflowId('sms', sid), to: from, sentAt, ackMs: now() - sentAt, status: response.status };
    },
    async providerCalledAt(numbers, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (true) {
        const rows = await orm.em.fork().find(EmulatorMessageSchema, { to: { $in: numbers } }, { fields: ['to', 'dateCreated'] });
        if (rows.length >= numbers.length || Date.now() > deadline) return new Map(rows.map((r) => [r.to, r.dateCreated.getTime()]));
        await sleep(100);
      }
    },
    workerRssMb: () => rssMb(worker.pid!),
    async stop() {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
      api.kill('SIGTERM');
      await once(api, 'exit');
      await connection.close();
      await orm.close();
      await Promise.all([temporal.stop(), pg.stop(), new Promise((resolve) => llm.close(resolve))]);
    },
  };
}

/** Sends `count` webhooks at `ratePerSecond`, each without waiting for the previous one's answer. */
export async function sendAtRate(stack: BenchStack, count: number, ratePerSecond: number, body: string, options?: { unpolled?: boolean }): Promise<Webhook[]> {
  const inFlight: Promise<Webhook>[] = [];
  const start = now();
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / ratePerSecond - now();
    if (wait > 0) await sleep(wait);
    inFlight.push(stack.webhook(body, options));
  }
  return Promise.all(inFlight);
}
