import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Restart after an unexpected exit, with backoff. */
  restart?: boolean;
  /** Called with every output line; default prints it with a `[name]` prefix. */
  onLine?: (line: string) => void;
  /** Where the child's PID is kept, so a later start can stop it if this supervisor is killed. */
  pidFile?: string;
}

const NODE_TS = [process.execPath, '--import', 'tsx'] as const;

/** A Node child running a TypeScript entry point through tsx. */
export function nodeTs(name: string, entry: string, env?: NodeJS.ProcessEnv): ChildSpec {
  return { name, command: NODE_TS[0], args: [...NODE_TS.slice(1), entry], env, restart: true };
}

/**
 * A supervised child process. Children get their own process group (detached) so that a terminal's Ctrl-C
 * reaches only the supervisor, which then stops them in order: API and worker first, databases last.
 */
export class ManagedChild {
  private process: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;

  constructor(private readonly spec: ChildSpec) {}

  get pid(): number | undefined {
    return this.process?.pid;
  }

  start(): ChildProcess {
    const child = spawn(this.spec.command, this.spec.args, {
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.process = child;
    if (this.spec.pidFile && child.pid) writeFileSync(this.spec.pidFile, `${child.pid}\n`);
    const print = this.spec.onLine ?? ((line: string) => console.log(`[${this.spec.name}] ${line}`));
    createInterface({ input: child.stdout! }).on('line', print);
    createInterface({ input: child.stderr! }).on('line', print);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      console.error(`[${this.spec.name}] exited unexpectedly (${signal ?? `code ${code}`})`);
      if (this.spec.restart) void this.restartLater();
    });
    return child;
  }

  private async restartLater(): Promise<void> {
    const delay = Math.min(30_000, 1_000 * 2 ** this.restarts++);
    console.error(`[${this.spec.name}] restarting in ${delay / 1000} s`);
    await sleep(delay);
    if (!this.stopping) this.start();
  }

  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
    if (this.spec.pidFile) rmSync(this.spec.pidFile, { force: true });
  }
}
