import { onBeforeUnmount, onMounted } from 'vue';

/** Return false to leave the key to the browser (e.g. Enter on a focused link). */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Page-level single-key shortcuts, keyed by KeyboardEvent.key ('j', 'Enter', '?', 'Escape').
 * Keys typed into form fields and chords with Ctrl/Cmd/Alt are left alone.
 */
export function useKeyboardShortcuts(handlers: Record<string, ShortcutHandler>): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isTyping(event.target)) return;
    const handler = handlers[event.key];
    if (!handler) return;
    // preventDefault stops the key's character landing in a field the handler focuses ("e" in the Reply box).
    if (handler(event) !== false) event.preventDefault();
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
