// The audit log as supervisors read it, over real HTTP: a case's timeline and edit diff after a real
// workflow run, auditLog's filters and keyset pages, and the CSV / JSON Lines export with its refusals.
// All test files share one database, so every assertion filters by an actor or case id made here.
// (That UPDATE and DELETE on audit_events fail is proved in tests/workflow/review-decisions.test.ts.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, waitForStage } from '../helpers/cases.js';
import { createUser, gql, signIn } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';

let stack: Stack;
let supervisor: { email: string; token: string };
let admin: { email: string; token: string };
let reviewer: { email: string; token: string };

beforeAll(async () => {
  stack = await startStack();
  [supervisor, admin, reviewer] = await Promise.all([
    signIn(stack.url, stack.orm, 'SUPERVISOR'), signIn(stack.url, stack.orm, 'ADMIN'), signIn(stack.url, stack.orm, 'REVIEWER'),
  ]);
});
afterAll(async () => {
  await stack?.stop();
});

interface Seed {
  caseId?: string | null;
  actor: string;
  type: string;
  detail?: unknown;
  at: string;
}

/** Appends rows the way the product does (raw INSERT; the table takes nothing else), in order; answers their ids. */
async function seed(rows: Seed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const [inserted] = await stack.orm.em.getConnection().execute<{ id: string }[]>(
      'insert into audit_events (case_id, actor, type, detail, created_at) values (?, ?, ?, ?::jsonb, ?::timestamptz) returning id::text as id',
      [row.caseId ?? null, row.actor, row.type, JSON.stringify(row.detail ?? {}), row.at],
    );
    ids.push(inserted!.id);
  }
  return ids;
}

const AUDIT_LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { edges { cursor node { id caseId actor type detail at } } pageInfo { hasNextPage endCursor } }
}`;

function auditLog(variables: Record<string, unknown>, token = supervisor.token) {
  return gql(stack.url, AUDIT_LOG, variables, token);
}

function exportLog(query: string, headers: Record<string, string> = { authorization: `Bearer ${supervisor.token}` }) {
  return fetch(`${stack.url}/api/audit/export?${query}`, { headers });
}

/** RFC 4180 records: quoted fields may hold commas, CRLF and doubled quotes; every record ends in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') field += text[i++];
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\r' || text[i] === '\n' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} outside a quoted field at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || record.length) throw new Error('the last record does not end in CRLF');
  return records;
}

describe('a case timeline and edit diff', () => {
  it('lists a real case step by step, oldest first, and shows the edit word by word', async () => {
    const { caseId, handle } = await openCase(stack, 'Where is my order 4411?');
    await waitForStage(handle, 'awaiting_review');
    const CASE = `query($id: ID!) { case(id: $id) { stage draft reply decision editDiff { op text } timeline { id caseId actor type detail at } } }`;
    const waiting = await gql(stack.url, CASE, { id: caseId }, reviewer.token);
    expect(waiting.errors).toBeUndefined();
    const draft: string = waiting.data!.case.draft;
    expect(draft).toContain('your order');
    // Not edited (yet): there is nothing to diff.
    expect(waiting.data!.case.editDiff).toBeNull();

    const claimed = await gql(stack.url, 'mutation($id: ID!) { claimCase(id: $id) { id } }', { id: caseId }, reviewer.token);
    expect(claimed.errors).toBeUndefined();
    const reply = `${draft.replace('your order', 'order 4411')} It shipped yesterday.`;
    const decided = await gql(stack.url, 'mutation($id: ID!, $text: String!) { decideCase(id: $id, input: { decision: EDIT, text: $text }) { decision editDiff { op text } } }', { id: caseId, text: reply }, reviewer.token);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCase.decision).toBe('EDIT');

    const sent = await waitFor(
      () => gql(stack.url, CASE, { id: caseId }, reviewer.token),
      (r) => Boolean(r.data?.case.timeline.some((e: { type: string }) => e.type === 'reply_sent')),
      'reply_sent on the timeline',
    );
    const { timeline, editDiff } = sent.data!.case;
    expect(timeline.slice(0, 6).map((e: { type: string }) => e.type)).toEqual(['case_opened', 'screened', 'review_requested', 'claimed', 'decided', 'reply_sent']);
    expect(timeline.every((e: { caseId: string }) => e.caseId === caseId)).toBe(true);
    const times = timeline.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const decidedEntry = timeline.find((e: { type: string }) => e.type === 'decided');
    expect(decidedEntry.actor).toBe(reviewer.email);
    expect(decidedEntry.detail.decision).toMatchObject({ decision: 'edit', reviewer: reviewer.email });
    expect(timeline.find((e: { type: string }) => e.type === 'claimed').detail).toMatchObject({ reviewer: reviewer.email });

    for (const segments of [editDiff, decided.data!.decideCase.editDiff]) {
      const text = (ops: string[]) => segments.filter((s: { op: string }) => ops.includes(s.op)).map((s: { text: string }) => s.text).join('');
      expect(text(['SAME', 'REMOVED'])).toBe(draft);
      expect(text(['SAME', 'ADDED'])).toBe(reply);
      expect(segments[0]).toEqual({ op: 'SAME', text: 'Thanks for getting in touch about ' });
      expect(segments.at(-1)).toEqual({ op: 'ADDED', text: ' It shipped yesterday.' });
      expect(text(['REMOVED'])).toContain('your');
      expect(text(['ADDED'])).toContain('4411');
    }
  });
});

describe('auditLog', () => {
  const actor = `seeded-${randomUUID()}`;
  const caseA = `audit-test:${randomUUID()}:a`;
  const caseB = `audit-test:${randomUUID()}:b`;
  let ids: string[];

  beforeAll(async () => {
    // Two rows share a millisecond (but not a microsecond) and two share the exact instant: pages must cut
    // between them without skipping or repeating a row.
    ids = await seed([
      { actor, type: 'alpha', caseId: caseA, at: '2026-01-01T00:00:00.000100Z', detail: { n: 1 } },
      { actor, type: 'beta', caseId: caseB, at: '2026-01-01T00:00:00.000200Z', detail: { n: 2 } },
      { actor, type: 'alpha', caseId: caseA, at: '2026-01-01T00:00:00.000200Z', detail: { n: 3 } },
      { actor, type: 'gamma', caseId: null, at: '2026-01-02T00:00:00Z', detail: { n: 4 } },
      { actor, type: 'alpha', caseId: caseB, at: '2026-01-03T00:00:00Z', detail: { n: 5 } },
    ]);
  });

  const idsOf = (result: Awaited<ReturnType<typeof auditLog>>) => result.data?.auditLog.edges.map((e: { node: { id: string } }) => e.node.id);

  it('answers newest first with every field of each entry', async () => {
    const result = await auditLog({ filter: { actor } });
    expect(result.errors).toBeUndefined();
    expect(idsOf(result)).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect(result.data!.auditLog.edges[1].node).toEqual({ id: ids[3], caseId: null, actor, type: 'gamma', detail: { n: 4 }, at: '2026-01-02T00:00:00.000Z' });
    expect(result.data!.auditLog.pageInfo.hasNextPage).toBe(false);
  });

  it('pages with opaque cursors, cutting inside one millisecond and one instant without loss or repeats', async () => {
    for (const first of [1, 2]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const result = await auditLog({ filter: { actor }, first, after });
        expect(result.errors).toBeUndefined();
        seen.push(...idsOf(result));
        const { hasNextPage, endCursor } = result.data!.auditLog.pageInfo;
        if (!hasNextPage) break;
        after = endCursor;
      }
      expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    }
  });

  it('filters by case, type and time, since inclusive and until exclusive', async () => {
    expect(idsOf(await auditLog({ filter: { actor, types: ['alpha'] } }))).toEqual([ids[4], ids[2], ids[0]]);
    expect(idsOf(await auditLog({ filter: { actor, types: ['beta', 'gamma'] } }))).toEqual([ids[3], ids[1]]);
    expect(idsOf(await auditLog({ filter: { caseId: caseA } }))).toEqual([ids[2], ids[0]]);
    expect(idsOf(await auditLog({ filter: { caseId: caseB, types: ['alpha'] } }))).toEqual([ids[4]]);
    expect(idsOf(await auditLog({ filter: { actor, since: '2026-01-02T00:00:00Z' } }))).toEqual([ids[4], ids[3]]);
    expect(idsOf(await auditLog({ filter: { actor, until: '2026-01-02T00:00:00Z' } }))).toEqual([ids[2], ids[1], ids[0]]);
    expect(idsOf(await auditLog({ filter: { actor, since: '2026-01-02', until: '2026-01-03T00:00:00+00:00' } }))).toEqual([ids[3]]);
    expect(idsOf(await auditLog({ filter: { actor: `${actor}-nobody` } }))).toEqual([]);
  });

  it('gives 50 entries by default and at most 500', async () => {
    const many = `seeded-many-${randomUUID()}`;
    await stack.orm.em.getConnection().execute(
      `insert into audit_events (case_id, actor, type, detail, created_at)
       select null, ?, 'bulk', jsonb_build_object('n', g), '2026-01-05'::timestamptz + g * interval '1 second' from generate_series(1, 51) g`,
      [many],
    );
    const defaulted = await auditLog({ filter: { actor: many } });
    expect(defaulted.data?.auditLog.edges).toHaveLength(50);
    expect(defaulted.data?.auditLog.edges[0].node.detail).toEqual({ n: 51 });
    expect(defaulted.data?.auditLog.pageInfo.hasNextPage).toBe(true);
    expect((await auditLog({ filter: { actor: many }, first: 500 })).data?.auditLog.edges).toHaveLength(51);
  });

  it('refuses a bad cursor, page size, time or range with BAD_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ after: 'not-a-cursor' }, /cursor/],
      [{ after: forged }, /cursor/],
      [{ first: 0 }, /first/],
      [{ first: 501 }, /first/],
      [{ filter: { since: 'yesterday' } }, /since.*ISO 8601/],
      [{ filter: { until: '2026-02-30' } }, /until.*ISO 8601/],
      [{ filter: { since: '2026-01-03', until: '2026-01-02' } }, /since must be before until/],
      [{ filter: { actor: '' } }, /actor/],
    ];
    for (const [variables, message] of cases) {
      const result = await auditLog(variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it('is for supervisors and admins: a reviewer gets FORBIDDEN, no token UNAUTHENTICATED', async () => {
    expect(idsOf(await auditLog({ filter: { actor } }, admin.token))).toHaveLength(5);
    const forbidden = await auditLog({ filter: { actor } }, reviewer.token);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.data).toBeNull();
    expect((await gql(stack.url, AUDIT_LOG, { filter: { actor } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the audit export', () => {
  const caseId = `audit-export:${randomUUID()}`;
  const tricky = [
    { actor: '=cmd|\' /C calc\'!A0', type: 'note,with,commas', detail: { said: 'He said "hi", then\r\nleft', formula: '=1+2' }, at: '2026-03-01T10:00:00.000001Z' },
    { actor: '@SUM(A1:A9)', type: 'plain', detail: '=cmd', at: '2026-03-01T10:00:01Z' },
    { actor: 'ops@example.com', type: '-2+3', detail: { lines: 'one\ntwo' }, at: '2026-03-01T10:00:02Z' },
  ];
  let ids: string[];

  beforeAll(async () => {
    ids = await seed(tricky.map((row) => ({ ...row, caseId })));
  });

  it('writes RFC 4180 CSV, oldest first, that parses back to the rows with formulas defused', async () => {
    const response = await exportLog(`format=csv&caseId=${encodeURIComponent(caseId)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="countersign-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text.startsWith('id,at,actor,type,case_id,detail\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['id', 'at', 'actor', 'type', 'case_id', 'detail'],
      [ids[0], '2026-03-01T10:00:00.000Z', '\'=cmd|\' /C calc\'!A0', 'note,with,commas', caseId, JSON.stringify(tricky[0]!.detail)],
      [ids[1], '2026-03-01T10:00:01.000Z', '\'@SUM(A1:A9)', 'plain', caseId, '"=cmd"'],
      [ids[2], '2026-03-01T10:00:02.000Z', 'ops@example.com', '\'-2+3', caseId, JSON.stringify(tricky[2]!.detail)],
    ]);
    // The quotes inside the detail are doubled in the file, never left bare.
    expect(text).toContain('"{""said"":""He said \\""hi\\"", then\\r\\nleft""');
  });

  it('writes JSON Lines with the same fields, one event per line, nothing defused', async () => {
    const response = await exportLog(`format=jsonl&caseId=${encodeURIComponent(caseId)}&type=plain&type=-2%2B3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="countersign-audit-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = (await response.text()).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual([
      { id: ids[1], at: '2026-03-01T10:00:01.000Z', actor: '@SUM(A1:A9)', type: 'plain', case_id: caseId, detail: '=cmd' },
      { id: ids[2], at: '2026-03-01T10:00:02.000Z', actor: 'ops@example.com', type: '-2+3', case_id: caseId, detail: { lines: 'one\ntwo' } },
    ]);
  });

  it('streams a log longer than one page in order, every row once', async () => {
    const actor = `export-bulk-${randomUUID()}`;
    // Three rows per microsecond, so the 1,000-row pages end inside a shared instant.
    await stack.orm.em.getConnection().execute(
      `insert into audit_events (case_id, actor, type, detail, created_at)
       select null, ?, 'bulk', jsonb_build_object('n', g), '2026-04-01'::timestamptz + (g / 3) * interval '1 microsecond' from generate_series(1, 2500) g`,
      [actor],
    );
    const response = await exportLog(`format=jsonl&actor=${actor}`);
    const rows: { id: string; detail: { n: number } }[] = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => row.detail.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    // Oldest first by (created_at, id): the instant (n / 3) never goes back, and within one instant ids rise.
    const outOfOrder = rows.filter((row, i) => {
      const before = rows[i - 1];
      if (!before) return false;
      const [instant, previous] = [Math.floor(row.detail.n / 3), Math.floor(before.detail.n / 3)];
      return instant < previous || (instant === previous && BigInt(row.id) <= BigInt(before.id));
    });
    expect(outOfOrder).toEqual([]);
  });

  it('records each export in the audit with its format and filters', async () => {
    const exporter = await signIn(stack.url, stack.orm, 'ADMIN');
    const response = await exportLog(`format=jsonl&caseId=${encodeURIComponent(caseId)}&type=plain&since=2026-03-01`, { authorization: `Bearer ${exporter.token}` });
    expect(response.status).toBe(200);
    await response.text();
    const audit = await auditLog({ filter: { actor: exporter.email, types: ['audit_exported'] } });
    expect(audit.data?.auditLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
      expect.objectContaining({
        actor: exporter.email, type: 'audit_exported',
        detail: { format: 'jsonl', filter: { caseId, types: ['plain'], since: '2026-03-01T00:00:00.000Z' } },
      }),
    ]);
  });

  it('accepts the console session cookie', async () => {
    const { email, password } = await createUser(stack.orm, 'SUPERVISOR');
    const signedIn = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { expiresAt } }', variables: { e: email, p: password } }),
    });
    const cookie = /countersign_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeTruthy();
    const response = await exportLog(`format=jsonl&caseId=${encodeURIComponent(caseId)}`, { cookie: cookie! });
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split('\n')).toHaveLength(3);
  });

  it('answers 401 without working credentials, 403 to a reviewer, 400 for a bad filter, and exports nothing', async () => {
    const unsigned = await exportLog('format=csv', {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('www-authenticate')).toBe('Bearer');
    expect((await exportLog('format=csv', { authorization: 'Bearer cs_not-a-token' })).status).toBe(401);
    const forbidden = await exportLog('format=csv', { authorization: `Bearer ${reviewer.token}` });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toMatch(/SUPERVISOR or ADMIN/);
    const bad: [string, RegExp][] = [
      ['format=xml', /format must be csv or jsonl/],
      ['since=last-week', /since must be an ISO 8601/],
      ['since=2026-03-02&until=2026-03-01', /since must be before until/],
      ['caseId=a&caseId=b', /caseId may be given once/],
      ['types=plain', /unknown parameter types/],
    ];
    for (const [query, message] of bad) {
      const response = await exportLog(query);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toMatch(message);
    }
    const audit = await auditLog({ filter: { actor: reviewer.email, types: ['audit_exported'] } });
    expect(audit.data?.auditLog.edges).toEqual([]);
  });
});
