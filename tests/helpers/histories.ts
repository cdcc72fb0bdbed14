import type { WorkflowHandle } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const run = promisify(execFile);

export const HISTORIES_DIR = path.resolve('tests/replay/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished case's history (as `temporal workflow show --output json`
 * writes it, the format ops export too) as a golden file that tests/replay replays on every run: a change
 * that would break running cases fails there. Re-record deliberately, and only together with a
 * `patched()` guard for cases already running.
 */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const { stdout } = await run(inject('temporalCli'), [
    'workflow', 'show', '--address', inject('temporalAddress'), '--workflow-id', handle.workflowId, '--output', 'json',
  ], { maxBuffer: 16 * 1024 * 1024 });
  // Stack traces in failures carry this checkout's absolute path; keep the committed files machine-neutral.
  writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), stdout.replaceAll(`${process.cwd()}/`, ''));
}
