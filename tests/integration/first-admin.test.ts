// The first admin, as a deployment creates it with `npm run db:migrate` on an empty database: the password
// chosen in COUNTERSIGN_ADMIN_PASSWORD is held to the same policy as every other, before anyone can use it.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const server = new URL(inject('databaseUrl'));
const database = `first_admin_${randomUUID().replaceAll('-', '')}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${database}` }).toString();

async function onServer<T>(work: (client: pg.Client) => Promise<T>, url = server.toString()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function migrate(password: string): Promise<{ code: number; output: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, COUNTERSIGN_ADMIN_PASSWORD: password };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const admins = () => onServer((client) => client.query('select email from users'), databaseUrl).then((r) => r.rows);

afterAll(async () => {
  await onServer((client) => client.query(`drop database if exists ${database}`));
});

describe('the first admin', () => {
  it('is refused a guessable password, with the reason, and created with a strong one', async () => {
    await onServer((client) => client.query(`create database ${database}`));
    const weak = await migrate('password123');
    expect(weak.code).not.toBe(0);
    expect(weak.output).toContain('COUNTERSIGN_ADMIN_PASSWORD cannot be the first admin\'s password');
    expect(await admins()).toEqual([]);

    const strong = await migrate('Quarry-Violet-Seven-Lantern');
    expect(strong.code).toBe(0);
    expect(await admins()).toEqual([{ email: 'admin@localhost' }]);
  }, 60_000);
});
