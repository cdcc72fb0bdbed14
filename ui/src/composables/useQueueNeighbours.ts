import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { caseLink } from '../format';
import type { QueueCase } from '../pages/queue.graphql';
import { compareQueueOrder, fetchReviewQueue } from './useReviewQueue';
import { errorMessage } from './useGraphQL';

type Anchor = Pick<QueueCase, 'id' | 'createdAt'>;

/**
 * Next/previous case in queue order. The current case may have left the queue (just decided), so
 * neighbours are found by position in the order rather than by index in the list.
 */
export function useQueueNeighbours() {
  const router = useRouter();
  const note = ref<string | null>(null);
  let busy = false;

  async function go(step: 1 | -1, current: Anchor | null): Promise<void> {
    if (busy || !current) return;
    busy = true;
    note.value = null;
    try {
      const queue = await fetchReviewQueue();
      const target = step === 1
        ? queue.find((item) => compareQueueOrder(item, current) > 0)
        : queue.filter((item) => compareQueueOrder(item, current) < 0).at(-1);
      if (target) await router.push(caseLink(target.id));
      else note.value = step === 1 ? 'This is the last case in the queue.' : 'This is the first case in the queue.';
    } catch (caught) {
      note.value = errorMessage(caught);
    } finally {
      busy = false;
    }
  }

  return { note, next: (current: Anchor | null) => go(1, current), previous: (current: Anchor | null) => go(-1, current) };
}
