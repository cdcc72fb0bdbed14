import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { CHECK_REPLY_QUERY, type ReplyCheck } from '../components/review/reply-check.graphql';
import { errorMessage, request } from './useGraphQL';

/**
 * The outbound rules' verdict on a reply as the reviewer types it: the same screening the decision runs,
 * asked for after a short pause in typing, each new question cancelling the one before.
 */
export function useReplyCheck(caseId: () => string, text: Ref<string>, active: () => boolean, wait = 250) {
  const check = ref<(ReplyCheck & { text: string }) | null>(null);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  async function run(): Promise<void> {
    controller?.abort();
    const asked = text.value;
    if (!active() || !asked.trim()) {
      check.value = null;
      error.value = null;
      return;
    }
    const current = new AbortController();
    controller = current;
    try {
      const { checkReply } = await request(CHECK_REPLY_QUERY, { caseId: caseId(), text: asked }, { signal: current.signal });
      check.value = { ...checkReply, text: asked };
      error.value = null;
    } catch (caught) {
      if ((caught as Error)?.name === 'AbortError') return;
      // Not being able to check is no reason to stop the reviewer: the decision checks again anyway.
      error.value = errorMessage(caught);
    }
  }

  watch([text, active], () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), wait);
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  return { check, error };
}
