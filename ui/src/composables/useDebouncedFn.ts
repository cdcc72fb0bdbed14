import { onBeforeUnmount } from 'vue';

/** Collapses bursts of calls (e.g. several case events at once) into one call after `wait` ms of quiet. */
export function useDebouncedFn(fn: () => void, wait = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onBeforeUnmount(() => clearTimeout(timer));
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, wait);
  };
}
