import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process left behind by a run that was killed (SIGKILL, a crash, a closed terminal) still holds its
 * files and ports. Reads its PID from `pidFile` (first line), stops it politely, then firmly.
 */
export async function stopStaleProcess(
  pidFile: string,
  what: string,
  expectedCommand: string,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<boolean> {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return false;
  // PIDs are reused: only stop the process if it is still the program that wrote the file.
  if (!commandLineOf(pid).includes(expectedCommand)) return false;
  console.log(`stopping ${what} left running by an earlier run (pid ${pid})`);
  process.kill(pid, signal);
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && isAlive(pid); waited += 100) await sleep(100);
  await fs.rm(pidFile, { force: true }).catch(() => undefined);
  return true;
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
