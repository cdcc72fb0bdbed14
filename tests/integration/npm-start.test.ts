// `npm start` as a second instance on a machine where a first one runs: with its own PORT, DATA_DIR and
// database/Temporal ports it must not meet the first one's worker metrics ports (9464/9465), and a port it
// cannot have is named, with the variable to set, before anything starts. Its output is plain text when it
// is not a terminal (a log file, CI), with no colour codes.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePorts, isPortBusy } from '../../runtime/ports.js';
import { workerPortsFor } from '../../runtime/supervisor/worker-ports.js';
import { waitFor } from '../helpers/wait.js';

const held: net.Server[] = [];
afterAll(async () => {
  await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Takes a port the way another program would, unless something holds it already. */
async function occupy(port: number): Promise<void> {
  if (await isPortBusy(port)) return;
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, resolve));
  held.push(server);
}

/** A PORT near the default whose own port and derived worker ports are free. */
async function secondInstancePort(): Promise<number> {
  for (;;) {
    const port = 4100 + Math.floor(Math.random() * 800);
    const { WORKER_METRICS_PORT, TEMPORAL_METRICS_PORT } = workerPortsFor(port, {});
    const busy = await Promise.all([port, WORKER_METRICS_PORT, TEMPORAL_METRICS_PORT].map(isPortBusy));
    if (!busy.some(Boolean)) return port;
  }
}

function npmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    // Not a terminal (pipes), and no colour asked for: what CI and log files see.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TEMPORAL_CLI: inject('temporalCli'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function instanceEnv() {
  const [pg, temporal, ui] = await freePorts(3);
  const port = await secondInstancePort();
  return {
    PORT: String(port),
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'countersign-second-')),
    EMBEDDED_PG_PORT: String(pg),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
    COUNTERSIGN_ADMIN_PASSWORD: 'Tulip-Harbor-Nine-Lemon',
  };
}

describe('a second npm start on one machine', () => {
  it('runs beside the first one\'s worker metrics ports, on ports derived from its PORT, in plain text', async () => {
    await Promise.all([occupy(9464), occupy(9465)]);
    const env = await instanceEnv();
    const start = npmStart(env);
    try {
      await waitFor(async () => start.output(), (output) => output.includes('Countersign is ready') || start.child.exitCode !== null, 'npm start to be ready', 150_000);
      expect(start.output()).toContain('Countersign is ready');
      const { WORKER_METRICS_PORT } = workerPortsFor(Number(env.PORT), {});
      const metrics = await fetch(`http://127.0.0.1:${WORKER_METRICS_PORT}/metrics`);
      expect(metrics.status).toBe(200);
      expect(start.output()).not.toMatch(/exited unexpectedly|restarting in/);
      // eslint-disable-next-line no-control-regex
      expect(start.output()).not.toMatch(/\u001b\[/);
    } finally {
      start.child.kill('SIGTERM');
      await start.exited;
    }
    expect(start.output()).toContain('stopped.');
  }, 200_000);

  it('names the port it cannot have and the variable to set, before starting anything', async () => {
    const env = await instanceEnv();
    const { TEMPORAL_METRICS_PORT } = workerPortsFor(Number(env.PORT), {});
    await occupy(TEMPORAL_METRICS_PORT);
    const start = npmStart(env);
    expect(await start.exited).not.toBe(0);
    expect(start.output()).toContain(`port ${TEMPORAL_METRICS_PORT} (TEMPORAL_METRICS_PORT) already in use: stop what uses it, or set TEMPORAL_METRICS_PORT to a free port`);
    expect(start.output()).not.toContain('PostgreSQL');
  });
});
