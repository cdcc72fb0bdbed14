// An in-process Countersign (API + worker) on the run's shared PostgreSQL and Temporal dev server, on a
// free port and its own task queue, so test files cannot steal each other's tasks.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import type { ActivityDeps } from '../../activities/index.js';
import { buildApp } from '../../api/app.js';
import { CaseEventHub } from '../../api/case-event-hub.js';
import { EmulatorCarrier } from '../../api/emulator/twilio-delivery.js';
import { initOrm, type Orm } from '../../db/orm.js';
import { loadConfig, type Config } from '../../runtime/config.js';
import { freePort } from '../../runtime/ports.js';
import { clientTracingInterceptors, startTracing } from '../../runtime/tracing.js';
import { buildActivityDeps } from '../../workers/activity-deps.js';
import { createCaseWorker } from '../../workers/create-worker.js';

export interface Stack {
  url: string;
  config: Config;
  orm: Orm;
  client: Client;
  /** undefined with `worker: false`: the test runs workers as processes. */
  worker: Worker | undefined;
  stop(): Promise<void>;
}

export interface StackOptions {
  env?: Record<string, string>;
  /** Replace activity dependencies (e.g. a drafter that fails). */
  deps?: (defaults: ActivityDeps) => ActivityDeps;
  /** Name the worker in workflow histories, to tell several workers of one task queue apart. */
  workerIdentity?: string;
  /** false: no worker in this process (the test spawns worker processes, to kill them). */
  worker?: false;
}

let runtimeInstalled = false;

/**
 * The SDK runtime of this test file's process, once. Worker lifecycle chatter at INFO buries test failures;
 * warnings and errors still show, unless a test takes servers away on purpose and passes 'ERROR'.
 */
export function installRuntime(level: LogLevel = 'WARN'): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger(level), telemetryOptions: { logging: { filter: { core: level, other: level } } } });
  runtimeInstalled = true;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  installRuntime();
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    COUNTERSIGN_REVIEW_TIMEOUT: '1h',
    COUNTERSIGN_ESCALATION_TIMEOUT: '1h',
    // Decisions of earlier tests (and of the workflow tier's first run) must not move later tests' routing:
    // calibration is pinned off, like the timeouts, except where a test is about it.
    COUNTERSIGN_CALIBRATION: 'off',
    ...options.env,
  });
  const orm = await initOrm({ clientUrl: config.databaseUrl });
  const connection = await Connection.connect({ address: config.temporal.address! });
  const client = new Client({ connection, namespace: config.temporal.namespace, interceptors: clientTracingInterceptors() });
  const nativeConnection = options.worker === false ? undefined : await NativeConnection.connect({ address: config.temporal.address! });
  const defaults = buildActivityDeps(config, orm, client);
  const worker = nativeConnection && await createCaseWorker({
    connection: nativeConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: options.deps ? options.deps(defaults) : defaults,
    tracing: startTracing('test'),
    workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
    // `npm test` runs the workflow suite a second time with no cache: every task replays from history.
    overrides: {
      ...(process.env.TEST_MAX_CACHED_WORKFLOWS ? { maxCachedWorkflows: Number(process.env.TEST_MAX_CACHED_WORKFLOWS) } : {}),
      ...(options.workerIdentity ? { identity: options.workerIdentity } : {}),
    },
  });
  const running = worker?.run();

  const caseEvents = new CaseEventHub(config.databaseUrl!);
  await caseEvents.start();
  const emulatorCarrier = new EmulatorCarrier(orm, config.twilio.authToken);
  const server: Server = buildApp({ config, orm, temporal: client, caseEvents, emulatorCarrier }).listen(port, '127.0.0.1');
  await once(server, 'listening');

  return {
    url: `http://127.0.0.1:${port}`,
    config,
    orm,
    client,
    worker,
    async stop() {
      emulatorCarrier.close();
      server.closeAllConnections();
      server.close();
      await caseEvents.close();
      // A test may have stopped the worker already (a worker lost while others carry on).
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await running;
      await nativeConnection?.close();
      await connection.close();
      await orm.close();
    },
  };
}
