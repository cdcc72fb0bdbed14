import { onBeforeUnmount, onMounted, readonly, ref, watch, type Ref } from 'vue';
import { CSRF_HEADERS, type Doc } from './useGraphQL';
import { useSession } from './useSession';

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;

interface SseMessage {
  event: string;
  data: string;
}

/** Splits a text/event-stream buffer into complete messages; returns the unfinished tail. */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
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

export interface SubscriptionError {
  message: string;
  extensions?: { code?: string };
}

export interface SubscriptionOptions {
  /** Called each time the stream (re)connects: events may have been missed while it was down. */
  onOpen?: () => void;
  /** GraphQL errors other than UNAUTHENTICATED (which ends the session). Return true when retrying cannot help. */
  onError?: (errors: SubscriptionError[]) => boolean | void;
}

interface Payload<TData> {
  data?: TData | null;
  errors?: SubscriptionError[];
}

/**
 * A GraphQL subscription over graphql-yoga's SSE transport (POST /graphql, accept: text/event-stream),
 * reconnecting with backoff until unmount. `variables` returning null means "not now"; a change of
 * variables ends the stream and opens a new one.
 */
export function useSubscription<TData, TVars>(
  doc: Doc<TData, TVars>,
  variables: () => TVars | null,
  onData: (data: TData) => void,
  options: SubscriptionOptions = {},
): { connected: Readonly<Ref<boolean>> } {
  const session = useSession();
  const connected = ref(false);
  let controller: AbortController | null = null;
  let mounted = false;

  // Returns true when reconnecting is pointless: the session is over, or the caller says so.
  function handleErrors(errors: SubscriptionError[] | undefined): boolean {
    if (!errors?.length) return false;
    if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      session.clear();
      return true;
    }
    return options.onError?.(errors) === true;
  }

  async function streamOnce(signal: AbortSignal, vars: TVars, onConnected: () => void): Promise<boolean> {
    if (!session.isSignedIn.value) return true;
    // A POST like every other request, so it carries the CSRF header and the session cookie.
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...CSRF_HEADERS },
      credentials: 'same-origin',
      body: JSON.stringify({ query: doc.toString(), variables: vars }),
      signal,
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream') || !response.body) {
      const body = (await response.json().catch(() => ({}))) as Payload<TData>;
      return handleErrors(body.errors);
    }
    onConnected();
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
        const payload = JSON.parse(message.data) as Payload<TData>;
        if (handleErrors(payload.errors)) return true;
        if (payload.data) onData(payload.data);
      }
    }
  }

  async function run(signal: AbortSignal, vars: TVars): Promise<void> {
    let backoff = MIN_BACKOFF_MS;
    while (!signal.aborted) {
      let stop = false;
      try {
        stop = await streamOnce(signal, vars, () => (backoff = MIN_BACKOFF_MS));
      } catch {
        // network drop or a malformed message: fall through to the backoff and reconnect
      }
      // An aborted run must not touch `connected`: a newer run may own it already.
      if (signal.aborted) return;
      connected.value = false;
      if (stop) return;
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  function restart(): void {
    controller?.abort();
    controller = null;
    connected.value = false;
    const vars = variables();
    if (!mounted || vars === null) return;
    controller = new AbortController();
    void run(controller.signal, vars);
  }

  watch(() => JSON.stringify(variables()), restart);
  onMounted(() => {
    mounted = true;
    restart();
  });
  onBeforeUnmount(() => {
    mounted = false;
    controller?.abort();
  });
  return { connected: readonly(connected) };
}
