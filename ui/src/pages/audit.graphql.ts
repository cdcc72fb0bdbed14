import { gql } from '../composables/useGraphQL';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  type: string;
  caseId: string | null;
  detail: unknown;
}

export interface AuditFilterInput {
  caseId?: string;
  actor?: string;
  types?: string[];
  since?: string;
  until?: string;
}

/** Newest first; `after` is the previous page's endCursor. */
export const AUDIT_LOG_QUERY = gql<
  { auditLog: { edges: { node: AuditEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { filter: AuditFilterInput; first: number; after?: string | null }
>(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges { node { id at actor type caseId detail } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
