// CPU time and resident memory of the benchmark's processes, read from /proc (Linux): where a case's cost
// goes between the worker, the Temporal server, the API, PostgreSQL and the load generator.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, `getconf CLK_TCK`: 100 on every Linux this runs on

interface ProcStat { pid: number; ppid: number; cpuTicks: number; ownTicks: number }

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from 1 in proc(5); fields[0] is state.
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { pid, ppid: Number(fields[1]), cpuTicks: utime! + stime! + cutime! + cstime!, ownTicks: utime! + stime! };
  } catch {
    return null; // gone between listing and reading
  }
}

/**
 * CPU seconds used so far by a process and every live descendant (PostgreSQL's backends, the worker's
 * threads are in its own figure). A reaped child's time is in its parent's cutime/cstime, so nothing counts twice.
 */
export function treeCpuSeconds(rootPid: number): number {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map((name) => readStat(Number(name))).filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = all.filter((s) => s.pid === rootPid);
  while (stack.length) {
    const s = stack.pop()!;
    ticks += s.cpuTicks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

/** CPU seconds of one process alone, without its children: the load generator, which is every other's parent. */
export function ownCpuSeconds(pid: number): number {
  return (readStat(pid)?.ownTicks ?? NaN) / TICKS_PER_SECOND;
}

/**
 * CPU seconds each named process (with its descendants; `own` ones alone) used from this call until the
 * returned function is called.
 */
export function cpuMeter(pids: Record<string, number>, own: string[] = []): () => Record<string, number> {
  const read = (name: string, pid: number) => (own.includes(name) ? ownCpuSeconds(pid) : treeCpuSeconds(pid));
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, read(name, pid)]));
  return () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, read(name, pid) - before[name]!]));
}
