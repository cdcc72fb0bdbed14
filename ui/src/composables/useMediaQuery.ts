import { onBeforeUnmount, readonly, ref, type Ref } from 'vue';

/** Up to here the console lays pages out for a phone: lists instead of wide tables. */
export const PHONE_WIDTH = '(max-width: 40rem)';

/**
 * Whether a media query matches, kept current as the window turns or resizes: for markup that differs by
 * screen (a table on a laptop, a list on a phone), which CSS alone cannot swap without losing the semantics.
 */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = typeof matchMedia === 'function' ? matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  const update = (event: MediaQueryListEvent) => (matches.value = event.matches);
  list?.addEventListener('change', update);
  onBeforeUnmount(() => list?.removeEventListener('change', update));
  return readonly(matches);
}
