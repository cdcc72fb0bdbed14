// `npm start`: the whole product on one machine. Brings up, in order, PostgreSQL, Temporal, the schema,
// the first admin, the console build, a worker and the API; prints where everything is; Ctrl-C stops it
// all in reverse order. Each part is replaced by the real service when its variable is set
// (DATABASE_URL, TEMPORAL_ADDRESS, OPENAI_*, TWILIO_*).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedFirstAdmin, type SeededAdmin } from '../auth/seed-admin.js';
import { initOrm, migrate } from '../db/orm.js';
import { seedStarterArticles } from '../knowledge/starter.js';
import { ConfigError, loadConfig, type Config } from '../runtime/config.js';
import { isPortBusy } from '../runtime/ports.js';
import { isAlive, stopStaleProcess } from '../runtime/stale-process.js';
import { ManagedChild, nodeTs } from '../runtime/supervisor/child.js';
import { buildConsoleIfStale } from '../runtime/supervisor/console-build.js';
import { provideDatabase } from '../runtime/supervisor/database.js';
import { provideTemporal } from '../runtime/supervisor/temporal.js';
import { waitUntilReady } from '../runtime/supervisor/wait-ready.js';
import { workerPortsFor } from '../runtime/supervisor/worker-ports.js';
import { PROJECT_ROOT } from '../runtime/temporal-cli.js';

const log = (line: string) => console.log(line);
const stops: { name: string; stop: () => Promise<void> }[] = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<void> {
  // One Ctrl-C arrives more than once (the terminal signals the whole group and npm/tsx relay it): the
  // first starts an orderly stop, the next ones must not cut it short.
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping Countersign …');
  for (const { name, stop } of stops.reverse()) {
    log(`  stopping ${name}`);
    await stop().catch((error) => console.error(`stopping ${name} failed: ${(error as Error).message}`));
  }
  log('stopped.');
  process.exit(code);
}

function claimDataDir(config: Config): void {
  mkdirSync(config.dataDir, { recursive: true });
  const pidFile = path.join(config.dataDir, 'countersign.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`Countersign is already running from ${config.dataDir} (pid ${pid}); stop it first, or set DATA_DIR to another folder`);
    }
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  stops.push({ name: 'pid file', stop: async () => rmSync(pidFile, { force: true }) });
}

async function prepareDatabase(url: string, config: Config): Promise<SeededAdmin | null> {
  const orm = await initOrm({ clientUrl: url });
  try {
    const applied = await migrate(orm);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    const articles = await seedStarterArticles(orm.em.fork());
    if (articles) log(`knowledge base: imported ${articles} starter articles (knowledge/starter)`);
    return await seedFirstAdmin(orm.em.fork(), config.admin);
  } finally {
    await orm.close();
  }
}

function banner(config: Config, lines: string[], admin: SeededAdmin | null): void {
  const rule = '─'.repeat(72);
  console.log(`\n${rule}\n  Countersign is ready\n${rule}`);
  for (const line of lines) console.log(`  ${line}`);
  if (admin?.generatedPassword) {
    console.log(`\n  First admin created: ${admin.email} / ${admin.generatedPassword}`);
    console.log('  (shown once; set COUNTERSIGN_ADMIN_PASSWORD before the first start to choose it)');
  }
  console.log(`${rule}\n  Ctrl-C stops everything; data stays in ${config.dataDir}\n${rule}\n`);
}

function pidFile(config: Config, name: string): string {
  return path.join(config.dataDir, `${name}.pid`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  claimDataDir(config);
  // A run that was killed outright leaves its children running; an old worker would keep taking tasks.
  await stopStaleProcess(pidFile(config, 'api'), 'the API', 'api/main.ts');
  await stopStaleProcess(pidFile(config, 'worker'), 'a worker', 'workers/main.ts');
  const workerPorts = workerPortsFor(config.port);
  // Every port this machine must lend us, checked before anything starts; PostgreSQL's and Temporal's are
  // checked as they start, once a stale server from a killed run has been stopped.
  const ports: [number, string][] = [[config.port, 'PORT'], ...Object.entries(workerPorts).map(([variable, port]) => [port, variable] as [number, string])];
  const busy: { port: number; variable: string }[] = [];
  for (const [port, variable] of ports) if (port !== 0 && await isPortBusy(port)) busy.push({ port, variable });
  if (busy.length) {
    const which = busy.map(({ port, variable }) => `port ${port} (${variable})`).join(' and ');
    throw new Error(`${which} already in use: stop what uses it, or set ${busy.map((b) => b.variable).join(' and ')} to a free port`);
  }

  const database = await provideDatabase(config);
  if (database.child) stops.push({ name: 'PostgreSQL', stop: () => database.child!.stop(30_000) });
  log(`✓ ${database.description}`);

  const temporal = await provideTemporal(config, log);
  stops.push({ name: 'Temporal', stop: temporal.stop });
  log(`✓ ${temporal.description}`);

  const admin = await prepareDatabase(database.url, config);
  log('✓ database schema up to date');
  await buildConsoleIfStale(log);

  const childEnv = {
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    ...(temporal.uiUrl ? { TEMPORAL_UI_URL: temporal.uiUrl } : {}),
    // A person reads this terminal: readable log lines (LOG_FORMAT=json keeps the JSON), in colour if it has it.
    LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
    WORKER_METRICS_PORT: String(workerPorts.WORKER_METRICS_PORT),
    TEMPORAL_METRICS_PORT: String(workerPorts.TEMPORAL_METRICS_PORT),
    ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
  };
  const worker = new ManagedChild({ ...nodeTs('worker', path.join(PROJECT_ROOT, 'workers', 'main.ts'), childEnv), pidFile: pidFile(config, 'worker') });
  const api = new ManagedChild({ ...nodeTs('api', path.join(PROJECT_ROOT, 'api', 'main.ts'), childEnv), pidFile: pidFile(config, 'api') });
  worker.start();
  stops.push({ name: 'worker', stop: () => worker.stop() });
  api.start();
  stops.push({ name: 'API', stop: () => api.stop() });

  const local = `http://localhost:${config.port}`;
  const { ready, body } = await waitUntilReady(`${local}/readyz`, 120_000);
  if (!ready) throw new Error(`the product did not become ready within 2 minutes: ${JSON.stringify(body)}`);

  banner(config, [
    `Console          ${local}`,
    `GraphQL          ${local}/graphql`,
    `Web chat         ${local}/chat  (what customers see)`,
    ...(config.twilio.emulated ? [`Phone            ${local}/phone  (be a customer on SMS or WhatsApp, no Twilio account needed)`] : []),
    `Temporal UI      ${temporal.uiUrl ?? '(not known: set TEMPORAL_UI_URL)'}`,
    `Temporal         ${temporal.address}  (namespace ${config.temporal.namespace}, task queue ${config.temporal.taskQueue})`,
    `PostgreSQL       ${database.url.replace(/:[^:@/]+@/, ':•••@')}`,
    `Drafter          ${config.llm ? `${config.llm.model} at ${config.llm.baseUrl ?? 'OpenAI'}` : 'offline drafter (no OPENAI_API_KEY / OPENAI_BASE_URL set)'}`,
    config.twilio.emulated
      ? `Twilio           built-in emulator at ${local}/emulator/twilio (auth token: ${config.twilio.authToken})`
      : `Twilio           account ${config.twilio.accountSid}`,
    `Twilio webhooks  ${config.publicUrl}/webhooks/twilio/messages and /status`,
    `Health           ${local}/healthz  ${local}/readyz  ${local}/metrics`,
  ], admin);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error) => {
  const message = error instanceof ConfigError ? `configuration: ${error.message}` : (error as Error).message;
  console.error(`\n✗ ${message}\n`);
  await shutdown(1);
});
