import {
  AuditInputError, decodeAuditCursor, encodeAuditCursor, parseAuditFilter, readAuditPage, readCaseTimeline, type AuditRow,
} from '../../audit/audit-query.js';
import { editDiff } from '../../cases/edit-diff.js';
import { requireUser, SUPERVISORS } from '../context.js';
import { codedError } from '../errors.js';
import type { AuditEntry, Resolvers } from '../generated/resolvers-types.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

function auditEntry(row: AuditRow): AuditEntry {
  return { id: row.id, caseId: row.caseId, actor: row.actor, type: row.type, detail: row.detail, at: row.at };
}

/** The audit log for supervisors, newest first; each case's own steps; and what a reviewer's edit changed. */
export const auditResolvers: Resolvers = {
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
  Case: {
    // Whoever may read the case may read its steps; they carry nothing the case page does not show.
    async timeline(parent, _, ctx) {
      requireUser(ctx);
      return (await readCaseTimeline(ctx.em, parent.id)).map(auditEntry);
    },
    editDiff(parent) {
      if (parent.decision !== 'EDIT' || parent.draft == null || parent.reply == null) return null;
      return editDiff(parent.draft, parent.reply);
    },
  },
};
