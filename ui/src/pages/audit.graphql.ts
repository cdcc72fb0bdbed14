import { graphql } from '../generated';
import type { AuditFilter, AuditLogQuery } from '../generated/graphql';

/** Newest first; `after` is the previous page's endCursor. */
export const AUDIT_LOG_QUERY = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges { node { id at actor type caseId detail } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];
export type AuditFilterInput = AuditFilter;
