// GET /api/audit/export?format=csv|jsonl: the audit log as a file, for supervisors and auditors. Same filters
// as GraphQL's auditLog (caseId, actor, type (repeatable), since, until), oldest first, streamed page by page
// so a large log never sits in the API's memory.
import Router from '@koa/router';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from 'koa';
import type { ParsedUrlQuery } from 'node:querystring';
import { Readable } from 'node:stream';
import { authenticate } from '../../auth/request-credentials.js';
import { AuditEventSchema } from '../../db/entities/index.js';
import type { ApiDeps } from '../deps.js';
import { allowedOrigins, SUPERVISORS } from '../graphql/context.js';
import { AuditInputError, parseAuditFilter, readAuditPage, type AuditCursor, type AuditFilter, type AuditRow } from './audit-query.js';

const PAGE_ROWS = 1_000;
const FORMATS = { csv: 'text/csv; charset=utf-8; header=present', jsonl: 'application/x-ndjson; charset=utf-8' } as const;
type Format = keyof typeof FORMATS;
const SINGLE = ['format', 'caseId', 'actor', 'since', 'until'] as const;
const COLUMNS = ['id', 'at', 'actor', 'type', 'case_id', 'detail'];

export function auditExportRouter(deps: ApiDeps): Router {
  const router = new Router();
  router.get('/api/audit/export', async (ctx) => {
    const em = deps.orm.em.fork() as EntityManager;
    // GET is a safe method, so a console session cookie is accepted without the CSRF header.
    const credentials = await authenticate(em, { method: ctx.method, header: (name) => ctx.get(name) || null }, allowedOrigins(deps, ctx));
    if (!credentials) {
      ctx.set('WWW-Authenticate', 'Bearer');
      return refuse(ctx, 401, 'sign in first: send Authorization: Bearer <token>');
    }
    if (!SUPERVISORS.includes(credentials.user.role)) return refuse(ctx, 403, `exporting the audit log needs the role ${SUPERVISORS.join(' or ')}`);
    let request: { format: Format; filter: AuditFilter };
    try {
      request = parseExportQuery(ctx.query);
    } catch (error) {
      if (error instanceof AuditInputError) return refuse(ctx, 400, error.message);
      throw error;
    }

    // Recorded before the first byte: an export cut short still leaves its trace.
    const exported = em.create(AuditEventSchema, {
      actor: credentials.user.email, type: 'audit_exported', detail: { format: request.format, filter: describe(request.filter) },
    });
    await em.flush();

    const extension = request.format;
    ctx.set('Content-Disposition', `attachment; filename="countersign-audit-${new Date().toISOString().slice(0, 10)}.${extension}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = FORMATS[request.format];
    ctx.body = Readable.from(exportChunks(em, request.format, request.filter, String(exported.id)));
  });
  return router;
}

function refuse(ctx: Context, status: number, message: string): void {
  ctx.status = status;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = message;
}

function parseExportQuery(query: ParsedUrlQuery): { format: Format; filter: AuditFilter } {
  const unknown = Object.keys(query).filter((key) => key !== 'type' && !(SINGLE as readonly string[]).includes(key));
  if (unknown.length) throw new AuditInputError(`unknown parameter ${unknown.join(', ')}; use format, caseId, actor, type (repeatable), since, until`);
  const single: Partial<Record<(typeof SINGLE)[number], string>> = {};
  for (const key of SINGLE) {
    const value = query[key];
    if (Array.isArray(value)) throw new AuditInputError(`${key} may be given once`);
    if (value !== undefined) single[key] = value;
  }
  const format = single.format ?? 'csv';
  if (!(format in FORMATS)) throw new AuditInputError('format must be csv or jsonl');
  const types = query.type === undefined ? undefined : ([] as string[]).concat(query.type);
  return { format: format as Format, filter: parseAuditFilter({ ...single, types }) };
}

function describe(filter: AuditFilter): Record<string, unknown> {
  return { ...filter, since: filter.since?.toISOString(), until: filter.until?.toISOString() };
}

// The export's own event bounds it: rows arriving while it streams belong to the next export.
async function* exportChunks(em: EntityManager, format: Format, filter: AuditFilter, maxId: string): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(COLUMNS);
  let after: AuditCursor | undefined;
  for (;;) {
    const rows = await readAuditPage(em, filter, { order: 'asc', after, limit: PAGE_ROWS, maxId });
    if (rows.length) yield rows.map(format === 'csv' ? csvRow : jsonLine).join('');
    if (rows.length < PAGE_ROWS) return;
    after = rows.at(-1);
  }
}

function jsonLine(row: AuditRow): string {
  // JSON.stringify escapes newlines inside strings, so one event is always exactly one line.
  return `${JSON.stringify({ id: row.id, at: row.at, actor: row.actor, type: row.type, case_id: row.caseId, detail: row.detail })}\n`;
}

function csvRow(row: AuditRow): string {
  return csvLine([row.id, row.at, row.actor, row.type, row.caseId ?? '', JSON.stringify(row.detail)]);
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

// Spreadsheets run a cell that starts with = + - @ (or a tab or CR, which some strip first) as a formula,
// and actors, types and case ids come from outside (an email address, a Twilio message id). A leading
// apostrophe makes Excel, LibreOffice and Sheets show the text instead of evaluating it (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
