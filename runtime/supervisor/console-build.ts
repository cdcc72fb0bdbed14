import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { PROJECT_ROOT } from '../temporal-cli.js';

const UI = path.join(PROJECT_ROOT, 'ui');
const BUILT = path.join(UI, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the console when ui/dist is missing or older than its sources, so `npm start` serves the current UI. */
export async function buildConsoleIfStale(log: (line: string) => void): Promise<void> {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource(UI)) return;
  log('building the console (vite build) …');
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', path.join(UI, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error('the console build failed (see above); fix it or run `npm run build` to see why');
}
