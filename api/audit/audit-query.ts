// Reading the append-only audit log: one filter shape and one keyset page reader, shared by GraphQL
// (api/graphql/resolvers/audit-entry.resolvers.ts: auditLog; case.resolvers.ts: Case.timeline) and the export (audit-export-router.ts).
import type { EntityManager } from '@mikro-orm/postgresql';

export interface AuditFilter {
  caseId?: string;
  actor?: string;
  types?: string[];
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
}

/** What a caller sends: GraphQL's AuditFilter, or the export's query parameters. */
export interface AuditFilterInput {
  caseId?: string | null;
  actor?: string | null;
  types?: readonly string[] | null;
  since?: string | null;
  until?: string | null;
}

export interface AuditRow {
  id: string;
  caseId: string | null;
  actor: string;
  type: string;
  detail: unknown;
  /** ISO 8601 to the millisecond, like every other time the API shows. */
  at: string;
  /** created_at to the microsecond, as PostgreSQL holds it: what keyset cursors compare against. */
  exactAt: string;
}

export interface AuditCursor {
  exactAt: string;
  id: string;
}

/** A filter or cursor the caller got wrong; GraphQL answers BAD_INPUT, the export 400, with this message. */
export class AuditInputError extends Error {}

const MAX_TEXT = 255; // the columns are varchar(255): a longer value cannot match anything
const MAX_TYPES = 100;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const EXACT_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ROW_ID = /^[1-9]\d{0,18}$/;

export function parseAuditFilter(input: AuditFilterInput): AuditFilter {
  const filter: AuditFilter = {};
  if (input.caseId != null) filter.caseId = text('caseId', input.caseId);
  if (input.actor != null) filter.actor = text('actor', input.actor);
  // An empty list is "no type filter", as a console with no type ticked means.
  if (input.types?.length) {
    if (input.types.length > MAX_TYPES) throw new AuditInputError(`types takes at most ${MAX_TYPES} values`);
    filter.types = input.types.map((type) => text('types', type));
  }
  if (input.since != null) filter.since = instant('since', input.since);
  if (input.until != null) filter.until = instant('until', input.until);
  if (filter.since && filter.until && filter.since >= filter.until) throw new AuditInputError('since must be before until');
  return filter;
}

function text(name: string, value: string): string {
  if (value === '') throw new AuditInputError(`${name} must not be empty`);
  if (value.length > MAX_TEXT) throw new AuditInputError(`${name} is longer than ${MAX_TEXT} characters`);
  return value;
}

function instant(name: string, value: string): Date {
  const match = ISO_8601.exec(value);
  // Date.parse alone would take "March 7" or roll 2024-02-30 over to March 1st.
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  const calendar = match ? new Date(Date.UTC(year!, month! - 1, day!)) : null;
  const at = new Date(value);
  if (!calendar || calendar.getUTCMonth() !== month! - 1 || calendar.getUTCDate() !== day! || Number.isNaN(at.getTime())) {
    throw new AuditInputError(`${name} must be an ISO 8601 date (2026-12-01) or date-time with a zone (2026-12-01T09:30:00Z)`);
  }
  return at;
}

export function encodeAuditCursor(row: AuditRow): string {
  return Buffer.from(JSON.stringify([row.exactAt, row.id])).toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && EXACT_AT.test(String(value[0])) && ROW_ID.test(String(value[1]))) {
      return { exactAt: String(value[0]), id: String(value[1]) };
    }
  } catch {
    // fall through to the input error
  }
  throw new AuditInputError('after is not a cursor from this API');
}

export interface AuditPage {
  order: 'asc' | 'desc';
  /** Rows strictly after this one, in `order`. */
  after?: AuditCursor;
  /** Absent: every matching row (a case's timeline, which its workflow's history bounds). */
  limit?: number;
  /** Rows up to this id only: pins an export to the log as it stood when the export began. */
  maxId?: string;
}

/**
 * One page of audit rows, ordered by (created_at, id). Raw SQL because created_at is needed to the
 * microsecond for the cursor: the events are stamped with now() in SQL, and a JavaScript Date would round
 * them to the millisecond, so a page boundary inside one millisecond would skip or repeat rows.
 */
export async function readAuditPage(em: EntityManager, filter: AuditFilter, page: AuditPage): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.caseId !== undefined) add('case_id = ?', filter.caseId);
  if (filter.actor !== undefined) add('actor = ?', filter.actor);
  if (filter.types) add('"type" in (?)', filter.types);
  if (filter.since) add('created_at >= ?::timestamptz', filter.since.toISOString());
  if (filter.until) add('created_at < ?::timestamptz', filter.until.toISOString());
  if (page.maxId) add('id <= ?::bigint', page.maxId);
  // A row comparison: PostgreSQL walks the created_at index from the cursor rather than filtering after.
  if (page.after) add(`(created_at, id) ${page.order === 'asc' ? '>' : '<'} (?::timestamptz, ?::bigint)`, page.after.exactAt, page.after.id);
  const direction = page.order === 'asc' ? 'asc' : 'desc';
  // id travels as text (a bigint may exceed 2^53), under another name: ORDER BY id would sort the text alias.
  let sql = `select id::text as row_id, case_id, actor, "type", detail, created_at,
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as exact_at
    from audit_events ${where.length ? `where ${where.join(' and ')}` : ''}
    order by created_at ${direction}, id ${direction}`;
  if (page.limit !== undefined) {
    sql += ' limit ?';
    params.push(page.limit);
  }
  const rows = await em.execute<RawAuditRow[]>(sql, params);
  return rows.map((row) => ({
    id: row.row_id,
    caseId: row.case_id,
    actor: row.actor,
    type: row.type,
    detail: row.detail,
    at: new Date(row.created_at).toISOString(),
    exactAt: row.exact_at,
  }));
}

interface RawAuditRow {
  row_id: string;
  case_id: string | null;
  actor: string;
  type: string;
  detail: unknown;
  created_at: Date | string;
  exact_at: string;
}

/** Every event of one case, oldest first. */
export function readCaseTimeline(em: EntityManager, caseId: string): Promise<AuditRow[]> {
  return readAuditPage(em, { caseId }, { order: 'asc' });
}
