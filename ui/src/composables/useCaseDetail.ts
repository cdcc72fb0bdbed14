import { ref, shallowRef, watch, type Ref } from 'vue';
import { CASE_QUERY } from '../pages/case.graphql';
import type { CaseDetail } from '../pages/case.graphql';
import { errorMessage, request } from './useGraphQL';

/** One case by id, reloaded whenever the id changes. */
export function useCaseDetail(id: Ref<string>) {
  const detail = shallowRef<CaseDetail | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const requestedId = id.value;
    loading.value = detail.value === null || detail.value.id !== requestedId;
    try {
      const data = await request(CASE_QUERY, { id: requestedId });
      if (mine !== generation) return;
      detail.value = data.case;
      notFound.value = data.case === null;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = errorMessage(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Adopt a fresher copy (e.g. the decideCase answer) without a round trip. */
  function replace(next: CaseDetail): void {
    generation++;
    detail.value = next;
    notFound.value = false;
    loading.value = false;
  }

  watch(id, () => {
    detail.value = null;
    notFound.value = false;
    error.value = null;
    void refresh();
  }, { immediate: true });

  return { detail, loading, notFound, error, refresh, replace };
}
