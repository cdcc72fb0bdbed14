import {
  AuditInputError, decodeAuditCursor, encodeAuditCursor, parseAuditFilter, readAuditPage, type AuditRow,
} from '../../audit/audit-query.js';
import { requireUser, SUPERVISORS } from '../context.js';
import { codedError } from '../errors.js';
import type { AuditEntry, Resolvers } from '../generated/resolvers-types.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** One audit line as the schema has it; Case.timeline (case.resolvers.ts) lists a case's lines the same way. */
export function auditEntry(row: AuditRow): AuditEntry {
  return { id: row.id, caseId: row.caseId, actor: row.actor, type: row.type, detail: row.detail, at: row.at };
}

/** The audit log for supervisors, newest first. */
export const auditEntryResolvers: Resolvers = {
  Query: {
    async auditLog(_, { filter, first, after }, ctx) {
      requireUser(ctx, SUPERVISORS);
      const limit = first ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw codedError('BAD_INPUT', `first must be between 1 and ${MAX_PAGE}`);
      }
      let rows: AuditRow[];
      try {
        const where = parseAuditFilter(filter ?? {});
        // Keyset on (created_at, id): stable while new events arrive, and no OFFSET scans deep in the log.
        rows = await readAuditPage(ctx.em, where, { order: 'desc', after: after ? decodeAuditCursor(after) : undefined, limit: limit + 1 });
      } catch (error) {
        if (error instanceof AuditInputError) throw codedError('BAD_INPUT', error.message);
        throw error;
      }
      const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeAuditCursor(row), node: auditEntry(row) }));
      return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};
