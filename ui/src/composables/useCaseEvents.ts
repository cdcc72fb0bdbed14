import type { Ref } from 'vue';
import type { CaseEvent } from '../types';
import { CASE_EVENTS_SUBSCRIPTION } from './case-events.graphql';
import { useSubscription } from './useSubscription';

export interface CaseEventsOptions {
  /** Called each time the stream (re)connects: events may have been missed while it was down. */
  onOpen?: () => void;
}

/** Live case events over graphql-yoga's SSE transport, reconnecting with backoff until unmount. */
export function useCaseEvents(onEvent: (event: CaseEvent) => void, options: CaseEventsOptions = {}): { connected: Readonly<Ref<boolean>> } {
  return useSubscription(CASE_EVENTS_SUBSCRIPTION, () => ({}), (data) => {
    if (data.caseEvents) onEvent(data.caseEvents);
  }, { onOpen: options.onOpen });
}
