import { ref, shallowRef, watch } from 'vue';
import {
  HANDSET_EVENTS_SUBSCRIPTION, HANDSET_THREAD_QUERY, SEND_FROM_HANDSET_MUTATION,
  type HandsetMessage, type HandsetMessageInput, type HandsetVars,
} from '../pages/phone.graphql';
import { errorMessage, request } from './useGraphQL';
import { useSubscription } from './useSubscription';

/** The same clean-up the API applies (api/graphql/resolvers/handset-message.resolvers.ts), so threads match. */
export const normalizeNumber = (number: string): string => number.replace(/[\s().-]/g, '');

const addressOf = ({ number, channel }: HandsetVars): string => (channel === 'WHATSAPP' ? `whatsapp:${number}` : number);
const belongsTo = (message: HandsetMessage, vars: HandsetVars): boolean =>
  message.from === addressOf(vars) || message.to === addressOf(vars);
const byCreation = (a: HandsetMessage, b: HandsetMessage): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.sid < b.sid ? -1 : 1;

/**
 * One emulator handset's thread: loaded once, then kept current by handsetEvents. Every event carries the
 * whole message, so messages are upserted by sid; the fresher copy (by updatedAt) wins because the query
 * and the stream can overtake each other.
 */
export function useHandset(target: () => HandsetVars | null) {
  const messages = shallowRef<HandsetMessage[]>([]);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const sendError = ref<string | null>(null);
  const sending = ref(false);
  let generation = 0;

  function upsert(incoming: HandsetMessage[]): void {
    const bySid = new Map(messages.value.map((message) => [message.sid, message]));
    for (const message of incoming) {
      const known = bySid.get(message.sid);
      if (!known || message.updatedAt >= known.updatedAt) bySid.set(message.sid, message);
    }
    messages.value = [...bySid.values()].sort(byCreation);
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    const vars = target();
    if (!vars) return;
    try {
      const data = await request(HANDSET_THREAD_QUERY, vars);
      if (mine !== generation) return;
      upsert(data.handsetThread);
      loaded.value = true;
      loadError.value = null;
    } catch (caught) {
      if (mine === generation) loadError.value = errorMessage(caught);
    }
  }

  watch(() => JSON.stringify(target()), () => {
    generation++;
    messages.value = [];
    loaded.value = false;
    loadError.value = null;
    sendError.value = null;
    void load();
  }, { immediate: true });

  const { connected } = useSubscription(HANDSET_EVENTS_SUBSCRIPTION, target, (data) => {
    const vars = target();
    if (vars && belongsTo(data.handsetEvents, vars)) upsert([data.handsetEvents]);
  }, {
    // Events may have been missed while the stream was down.
    onOpen: () => void load(),
    // BAD_INPUT: the emulator is off (a real Twilio account is configured); retrying will not turn it on.
    onError: (errors) => {
      const bad = errors.find((error) => error.extensions?.code === 'BAD_INPUT');
      if (bad) loadError.value ??= bad.message;
      return Boolean(bad);
    },
  });

  async function send(input: HandsetMessageInput): Promise<boolean> {
    if (sending.value) return false;
    sending.value = true;
    sendError.value = null;
    try {
      const { sendFromHandset } = await request(SEND_FROM_HANDSET_MUTATION, { input });
      const vars = target();
      if (vars && belongsTo(sendFromHandset, vars)) upsert([sendFromHandset]);
      return true;
    } catch (caught) {
      sendError.value = errorMessage(caught);
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { messages, loaded, loadError, sendError, sending, connected, send, reload: load };
}
