import { gql } from '../composables/useGraphQL';
import type { HandsetChannel, HandsetMessage } from '../types';

const HANDSET_FIELDS = 'sid direction from to body status errorCode errorMessage createdAt updatedAt';

export interface HandsetVars {
  number: string;
  channel: HandsetChannel;
}

export interface HandsetMessageInput extends HandsetVars {
  body: string;
  profileName?: string | null;
}

export const HANDSET_THREAD_QUERY = gql<{ handsetThread: HandsetMessage[] }, HandsetVars>(`
  query HandsetThread($number: String!, $channel: HandsetChannel!) {
    handsetThread(number: $number, channel: $channel) { ${HANDSET_FIELDS} }
  }
`);

export const SEND_FROM_HANDSET_MUTATION = gql<{ sendFromHandset: HandsetMessage }, { input: HandsetMessageInput }>(`
  mutation SendFromHandset($input: HandsetMessageInput!) {
    sendFromHandset(input: $input) { ${HANDSET_FIELDS} }
  }
`);

export const HANDSET_EVENTS_SUBSCRIPTION = gql<{ handsetEvents: HandsetMessage | null }, HandsetVars>(`
  subscription HandsetEvents($number: String!, $channel: HandsetChannel!) {
    handsetEvents(number: $number, channel: $channel) { ${HANDSET_FIELDS} }
  }
`);
