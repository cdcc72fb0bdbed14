import { computed, ref } from 'vue';
import { AUDIT_LOG_QUERY, type AuditEntry, type AuditFilterInput } from '../pages/audit.graphql';
import { errorMessage, request } from './useGraphQL';

const PAGE_SIZE = 50;

/** What the audit page's form holds; From/To are datetime-local values (the browser's local time). */
export interface AuditFilterForm {
  actor: string;
  type: string;
  caseId: string;
  from: string;
  to: string;
}

export const emptyAuditFilter = (): AuditFilterForm => ({ actor: '', type: '', caseId: '', from: '', to: '' });

function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The form as the API's AuditFilter: blanks dropped, "a, b" in Type meaning either type. */
export function toAuditFilter(form: AuditFilterForm): AuditFilterInput {
  const types = form.type.split(',').map((t) => t.trim()).filter(Boolean);
  return {
    actor: form.actor.trim() || undefined,
    caseId: form.caseId.trim() || undefined,
    types: types.length ? types : undefined,
    since: toIso(form.from),
    until: toIso(form.to),
  };
}

/** GET /api/audit/export with the same filters (api/audit/audit-export-router.ts); the session cookie signs it. */
export function auditExportHref(filter: AuditFilterInput, format: 'csv' | 'jsonl'): string {
  const query = new URLSearchParams({ format });
  if (filter.actor) query.set('actor', filter.actor);
  if (filter.caseId) query.set('caseId', filter.caseId);
  for (const type of filter.types ?? []) query.append('type', type);
  if (filter.since) query.set('since', filter.since);
  if (filter.until) query.set('until', filter.until);
  return `/api/audit/export?${query.toString()}`;
}

export function useAuditLog() {
  const applied = ref<AuditFilterInput>({});
  const entries = ref<AuditEntry[]>([]);
  const endCursor = ref<string | null>(null);
  const hasMore = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  let latest = 0;
  let lastAfter: string | null = null;

  async function fetchPage(after: string | null): Promise<void> {
    const ticket = ++latest;
    lastAfter = after;
    loading.value = true;
    error.value = null;
    try {
      const data = await request(AUDIT_LOG_QUERY, { filter: applied.value, first: PAGE_SIZE, after });
      if (ticket !== latest) return;
      const page = data.auditLog.edges.map((edge) => edge.node);
      entries.value = after ? [...entries.value, ...page] : page;
      endCursor.value = data.auditLog.pageInfo.endCursor;
      hasMore.value = data.auditLog.pageInfo.hasNextPage;
      loaded.value = true;
    } catch (caught) {
      if (ticket === latest) error.value = errorMessage(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  return {
    entries, hasMore, loading, loaded, error, applied,
    apply: (form: AuditFilterForm) => {
      applied.value = toAuditFilter(form);
      return fetchPage(null);
    },
    /** Repeats the last request: the first page, or the page that failed to load. */
    retry: () => fetchPage(lastAfter),
    loadMore: () => fetchPage(endCursor.value),
    csvHref: computed(() => auditExportHref(applied.value, 'csv')),
    jsonlHref: computed(() => auditExportHref(applied.value, 'jsonl')),
  };
}
