import { once } from 'node:events';
import path from 'node:path';
import type { Config } from '../config.js';
import { isPortBusy } from '../ports.js';
import { stopStaleProcess } from '../stale-process.js';
import { PROJECT_ROOT } from '../temporal-cli.js';
import { ManagedChild, nodeTs } from './child.js';

export interface ProvidedDatabase {
  url: string;
  description: string;
  child?: ManagedChild;
}

/** DATABASE_URL when set; else embedded PostgreSQL in $DATA_DIR/postgres, in its own process. */
export async function provideDatabase(config: Config): Promise<ProvidedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'PostgreSQL at DATABASE_URL' };

  const dir = path.join(config.dataDir, 'postgres');
  const runnerPidFile = path.join(config.dataDir, 'postgres-runner.pid');
  await stopStaleProcess(runnerPidFile, 'the embedded PostgreSQL runner', 'postgres.main');
  if (await isPortBusy(config.embeddedPgPort)) {
    throw new Error(`port ${config.embeddedPgPort} (embedded PostgreSQL) is already in use: stop what uses it, or set EMBEDDED_PG_PORT to a free port`);
  }

  const output: string[] = [];
  let announced: (url: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => (announced = resolve));
  const child = new ManagedChild({
    ...nodeTs('postgres', path.join(PROJECT_ROOT, 'runtime', 'postgres.main.ts'), {
      CS_PG_DIR: dir,
      CS_PG_PORT: String(config.embeddedPgPort),
    }),
    restart: false,
    pidFile: runnerPidFile,
    onLine: (line) => (line.startsWith('READY ') ? announced(line.slice(6)) : output.push(line)),
  });
  const started = child.start();
  const failed = once(started, 'exit').then(() => {
    throw new Error(`embedded PostgreSQL did not start: ${output.slice(-3).join(' | ') || 'no output'}`);
  });
  const url = await Promise.race([ready, failed]);
  return { url, description: `embedded PostgreSQL 18 on port ${config.embeddedPgPort} (data in ${dir})`, child };
}
