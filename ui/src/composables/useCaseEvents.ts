import type { Ref } from 'vue';
import { CASE_EVENTS_SUBSCRIPTION, type CaseEvent } from './case-events.graphql';
import { useSubscription } from './useSubscription';

export interface CaseEventsOptions {
  /** Called each time the stream (re)connects: events may have been missed while it was down. */
  onOpen?: () => void;
}

/** Live case events over graphql-yoga's SSE transport, reconnecting with backoff until unmount. */
export function useCaseEvents(onEvent: (event: CaseEvent) => void, options: CaseEventsOptions = {}): { connected: Readonly<Ref<boolean>> } {
  return useSubscription(CASE_EVENTS_SUBSCRIPTION, () => ({}), (data) => {
    onEvent(data.caseEvents);
  }, { onOpen: options.onOpen });
}
