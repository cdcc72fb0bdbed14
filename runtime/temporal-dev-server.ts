// The Temporal CLI dev server: a real Temporal server with its UI, persisted in SQLite, with the
// case search attributes registered.
import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '../workflows/contract.js';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** undefined: headless (tests). */
  uiPort?: number;
  namespace: string;
  /** undefined: in memory (tests). */
  dbFilename?: string;
  pidFile?: string;
  /** Own process group, so a terminal's Ctrl-C reaches the supervisor only and it stops things in order. */
  detached?: boolean;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function devServerArgs(options: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', options.namespace,
    '--log-level', 'error', '--log-format', 'pretty'];
  args.push(...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]));
  if (options.dbFilename) {
    // WAL lets readers and the writer overlap; with synchronous=NORMAL a commit survives a crash of the
    // server process (only power loss can drop the last commits), which suits a single-machine server.
    args.push('--db-filename', options.dbFilename, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_CLI_TYPES)) args.push('--search-attribute', `${name}=${type}`);
  return args;
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const child = spawn(options.cli, devServerArgs(options), {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  if (options.pidFile && child.pid) writeFileSync(options.pidFile, `${child.pid}\n`);
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 50) output.shift();
    for (const line of text.split('\n')) if (line.trim()) options.log?.(line);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));

  const address = `127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  while (true) {
    if (exited) throw new Error(`Temporal dev server ${exited}: ${output.join('').trim().split('\n').slice(-5).join(' | ')}`);
    if (await answers(address)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Temporal dev server did not answer on ${address} within 60 s`);
    }
    await sleep(200);
  }
  return {
    address,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

async function answers(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}
