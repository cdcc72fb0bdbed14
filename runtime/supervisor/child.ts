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
  /** Restart delays; the defaults suit `npm start`, tests pass tiny ones. */
  backoff?: Partial<Backoff>;
  /** Where supervisor notices go (exits, restarts); default stderr. */
  notice?: (line: string) => void;
}

export interface Backoff {
  /** The first restart's delay; each quick crash after it doubles the delay. */
  initialMs: number;
  maxMs: number;
  /** A child that ran this long was healthy: its next crash starts again from `initialMs`. */
  healthyAfterMs: number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };
/** Lines of a child's last output kept to say why it ended. */
const LAST_LINES = 5;

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
  /** Crashes in a row, each within `healthyAfterMs` of its start: the exponent of the next delay. */
  private quickCrashes = 0;
  private readonly backoff: Backoff;
  private readonly notice: (line: string) => void;

  constructor(private readonly spec: ChildSpec) {
    this.backoff = { ...DEFAULT_BACKOFF, ...spec.backoff };
    this.notice = spec.notice ?? ((line) => console.error(line));
  }

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
    const startedAt = Date.now();
    const lastLines: string[] = [];
    const print = this.spec.onLine ?? ((line: string) => console.log(`[${this.spec.name}] ${line}`));
    const keep = (line: string) => {
      lastLines.push(line);
      if (lastLines.length > LAST_LINES) lastLines.shift();
      print(line);
    };
    createInterface({ input: child.stdout! }).on('line', keep);
    createInterface({ input: child.stderr! }).on('line', keep);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const ranMs = Date.now() - startedAt;
      // Output lines may still be in the pipes when 'exit' fires; 'close' follows once they are read.
      child.once('close', () => {
        const cause = lastLines.length ? `; its last words: ${lastLines.join(' ⏎ ')}` : '';
        this.notice(`[${this.spec.name}] exited unexpectedly (${signal ?? `code ${code}`}) after ${formatDuration(ranMs)}${cause}`);
        if (this.spec.restart) void this.restartLater(ranMs);
      });
    });
    return child;
  }

  /** The delay before the next start: doubling while crashes come quickly, back to the first after a healthy run. */
  nextDelay(ranMs: number): number {
    if (ranMs >= this.backoff.healthyAfterMs) this.quickCrashes = 0;
    return Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.quickCrashes++);
  }

  private async restartLater(ranMs: number): Promise<void> {
    const delay = this.nextDelay(ranMs);
    this.notice(`[${this.spec.name}] restarting in ${formatDuration(delay)}`);
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

function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return ms < 7_200_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 360_000) / 10} h`;
}
