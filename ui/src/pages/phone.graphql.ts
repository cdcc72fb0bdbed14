import { graphql } from '../generated';
import type { HandsetMessageFieldsFragment, HandsetThreadQueryVariables } from '../generated/graphql';

graphql(`
  fragment HandsetMessageFields on HandsetMessage { sid direction from to body status errorCode errorMessage createdAt updatedAt }
`);

export const HANDSET_THREAD_QUERY = graphql(`
  query HandsetThread($number: String!, $channel: HandsetChannel!) {
    handsetThread(number: $number, channel: $channel) { ...HandsetMessageFields }
  }
`);

export const SEND_FROM_HANDSET_MUTATION = graphql(`
  mutation SendFromHandset($input: HandsetMessageInput!) {
    sendFromHandset(input: $input) { ...HandsetMessageFields }
  }
`);

export const HANDSET_EVENTS_SUBSCRIPTION = graphql(`
  subscription HandsetEvents($number: String!, $channel: HandsetChannel!) {
    handsetEvents(number: $number, channel: $channel) { ...HandsetMessageFields }
  }
`);

/** A message as the Twilio emulator's handset sees it (INBOUND: the handset sent it). */
export type HandsetMessage = HandsetMessageFieldsFragment;
export type HandsetVars = HandsetThreadQueryVariables;
export type { HandsetMessageInput } from '../generated/graphql';
