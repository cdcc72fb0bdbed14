// Starts ONE real PostgreSQL and ONE real Temporal dev server for the whole run, on free ports, so tests
// run beside a running `npm start`. Builds the workflow bundle once for every test worker.
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { initOrm, migrate } from '../../db/orm.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../runtime/embedded-postgres.js';
import { freePorts } from '../../runtime/ports.js';
import { provisionTemporalCli } from '../../runtime/temporal-cli.js';
import { startDevServer, type RunningDevServer } from '../../runtime/temporal-dev-server.js';
import { workflowInterceptorModules, workflowsPath } from '../../workers/create-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalCli: string;
    workflowBundlePath: string;
  }
}

let postgres: RunningPostgres | undefined;
let temporal: RunningDevServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-test-'));
  const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, (line) => console.log(line));
  if (!cli) throw new Error('tests need the Temporal CLI: set TEMPORAL_CLI, put `temporal` on PATH, or let .ci/run install it');

  const [pgPort, temporalPort] = (await freePorts(2)) as [number, number];
  const bundleDir = path.resolve('tests/.artifacts');
  mkdirSync(bundleDir, { recursive: true });
  const [pg, server, bundle] = await Promise.all([
    startEmbeddedPostgres({ dir: path.join(root, 'postgres'), port: pgPort, persistent: false }),
    startDevServer({ cli: cli.path, port: temporalPort, namespace: 'default' }),
    bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quietLogger }),
  ]);
  postgres = pg;
  temporal = server;

  const orm = await initOrm({ clientUrl: pg.url });
  await migrate(orm);
  await orm.close();

  const workflowBundlePath = path.join(bundleDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('databaseUrl', pg.url);
  project.provide('temporalAddress', server.address);
  project.provide('temporalCli', cli.path);
  project.provide('workflowBundlePath', workflowBundlePath);
}

export async function teardown(): Promise<void> {
  await temporal?.stop();
  await postgres?.stop();
}

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};
