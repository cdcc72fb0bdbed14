// `npm start` restarts a crashed API or worker. A crash after a long healthy run must cost the first short
// delay again, not the doubled delay of every crash since start-up, and each restart says why it happened.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagedChild } from '../../runtime/supervisor/child.js';
import { waitFor } from '../helpers/wait.js';

let child: ManagedChild | undefined;
afterEach(async () => {
  await child?.stop(2_000);
});

/** A process that crashes quickly three times, then runs healthily for a while and crashes once more, then stays up. */
function flakyProgram(dir: string): string {
  const counter = path.join(dir, 'starts');
  writeFileSync(counter, '0');
  const script = path.join(dir, 'flaky.cjs');
  writeFileSync(script, `
    const fs = require('node:fs');
    const start = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1;
    fs.writeFileSync(${JSON.stringify(counter)}, String(start));
    console.log('start ' + start);
    if (start <= 3) { console.error('cannot reach the database (start ' + start + ')'); process.exit(3); }
    if (start === 4) setTimeout(() => { console.error('out of memory'); process.exit(137); }, 3000);
    else setInterval(() => {}, 1000);
  `);
  return script;
}

describe('a supervised child that crashes', () => {
  it('backs off while crashes come quickly, starts again from the first delay after a healthy run, and says why each time', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-restarts-'));
    const notices: string[] = [];
    child = new ManagedChild({
      name: 'flaky',
      command: process.execPath,
      args: [flakyProgram(dir)],
      restart: true,
      backoff: { initialMs: 20, maxMs: 1_000, healthyAfterMs: 2_000 },
      onLine: () => undefined,
      notice: (line) => notices.push(line),
    });
    child.start();

    await waitFor(async () => notices.filter((n) => n.includes('restarting')).length, (n) => n >= 4, 'four restarts', 20_000);
    const delays = notices.filter((n) => n.includes('restarting')).map((n) => n.replace(/.*restarting in /, ''));
    expect(delays).toEqual(['20 ms', '40 ms', '80 ms', '20 ms']);

    const exits = notices.filter((n) => n.includes('exited unexpectedly'));
    expect(exits[0]).toMatch(/\[flaky\] exited unexpectedly \(code 3\) after \d+ ms; its last words: start 1 ⏎ cannot reach the database \(start 1\)/);
    expect(exits[3]).toMatch(/\(code 137\) after .*out of memory/);
  });
});
