import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';
import type { CaseEvent } from '../types';
import { useSession } from './useSession';

const SUBSCRIPTION = 'subscription { caseEvents { caseId type stage at } }';
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

interface SseMessage {
  event: string;
  data: string;
}

/** Splits a text/event-stream buffer into complete messages; returns the unfinished tail. */
function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const messages = blocks.map((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue; // keep-alive comment
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return { event, data: data.join('\n') };
  });
  return { messages, rest };
}

export interface CaseEventsOptions {
  /** Called each time the stream (re)connects: events may have been missed while it was down. */
  onOpen?: () => void;
}

/** Live case events over graphql-yoga's SSE transport, reconnecting with backoff until unmount. */
export function useCaseEvents(onEvent: (event: CaseEvent) => void, options: CaseEventsOptions = {}): { connected: Readonly<Ref<boolean>> } {
  const session = useSession();
  const connected = ref(false);
  const controller = new AbortController();
  let backoff = MIN_BACKOFF_MS;

  // Returns true when the session is over and reconnecting is pointless.
  function handleErrors(errors: { extensions?: { code?: string } }[] | undefined): boolean {
    if (!errors?.length) return false;
    if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      session.clear();
      return true;
    }
    return false;
  }

  async function streamOnce(): Promise<boolean> {
    const token = session.token.value;
    if (!token) return true;
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBSCRIPTION }),
      signal: controller.signal,
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream') || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { errors?: [] };
      return handleErrors(body.errors);
    }
    backoff = MIN_BACKOFF_MS;
    connected.value = true;
    options.onOpen?.();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      const parsed = parseSse(buffer + value);
      buffer = parsed.rest;
      for (const message of parsed.messages) {
        if (message.event === 'complete') return false;
        if (message.event !== 'next' || !message.data) continue;
        const payload = JSON.parse(message.data) as { data?: { caseEvents?: CaseEvent }; errors?: [] };
        if (handleErrors(payload.errors)) return true;
        if (payload.data?.caseEvents) onEvent(payload.data.caseEvents);
      }
    }
  }

  async function run(): Promise<void> {
    while (!controller.signal.aborted) {
      let stop = false;
      try {
        stop = await streamOnce();
      } catch {
        // network drop or a malformed message: fall through to the backoff and reconnect
      }
      connected.value = false;
      if (stop || controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  onMounted(() => void run());
  onBeforeUnmount(() => controller.abort());
  return { connected: readonly(connected) };
}
