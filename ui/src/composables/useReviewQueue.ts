import { ref, shallowRef } from 'vue';
import { REVIEW_QUEUE_QUERY, type QueueFilter } from '../pages/queue.graphql';
import type { QueueCase } from '../pages/queue.graphql';
import { errorMessage, request } from './useGraphQL';

/** Queue order: oldest first, as the API pages them, whichever stage a case is in. */
export function compareQueueOrder(a: Pick<QueueCase, 'createdAt' | 'id'>, b: Pick<QueueCase, 'createdAt' | 'id'>): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Drops empty fields so an unfiltered queue sends no filter at all. */
function compactFilter(filter: QueueFilter): QueueFilter | null {
  const out: QueueFilter = {};
  if (filter.channel) out.channel = filter.channel;
  const search = filter.search?.trim();
  if (search) out.search = search;
  if (filter.assignee) out.assignee = filter.assignee;
  return Object.keys(out).length ? out : null;
}

export async function fetchReviewQueue(filter: QueueFilter = {}): Promise<QueueCase[]> {
  const data = await request(REVIEW_QUEUE_QUERY, { filter: compactFilter(filter) });
  const all = [...data.awaiting.edges, ...data.escalated.edges].map((edge) => edge.node);
  // A case can move between stages between the two lists being read.
  const unique = new Map(all.map((item) => [item.id, item]));
  return [...unique.values()].sort(compareQueueOrder);
}

/** `filter` is read on every refresh, so the page's current filter applies to live updates too. */
export function useReviewQueue(filter: () => QueueFilter = () => ({})) {
  const items = shallowRef<QueueCase[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    // Only the newest request may write: a slow older answer must not overwrite a fresher list.
    const mine = ++generation;
    loading.value = true;
    try {
      const next = await fetchReviewQueue(filter());
      if (mine !== generation) return;
      items.value = next;
      error.value = null;
      loaded.value = true;
    } catch (caught) {
      if (mine === generation) error.value = errorMessage(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return { items, loaded, loading, error, refresh };
}
