import { graphql } from '../generated';
import type { CaseFilter, QueueCaseFragment } from '../generated/graphql';

graphql(`
  fragment QueueCase on Case {
    id stage channel inboundText intent confidence escalationLevel deadline claimedBy claimedUntil deliveryError createdAt
    customer { id displayName }
  }
`);

/** Everything a reviewer can act on: awaiting review plus escalated, in one round trip. */
export const REVIEW_QUEUE_QUERY = graphql(`
  query ReviewQueue($filter: CaseFilter) {
    awaiting: cases(stage: AWAITING_REVIEW, filter: $filter, first: 100) { edges { node { ...QueueCase } } }
    escalated: cases(stage: ESCALATED, filter: $filter, first: 100) { edges { node { ...QueueCase } } }
  }
`);

/** The fields the queue list needs. */
export type QueueCase = QueueCaseFragment;
/** The subset of the API's CaseFilter the queue page sends. */
export type QueueFilter = Pick<CaseFilter, 'channel' | 'search' | 'assignee'>;
