import { gql } from '../composables/useGraphQL';
import type { Channel, Connection, QueueCase } from '../types';

const QUEUE_FIELDS = `
  totalCount
  edges {
    node {
      id stage channel inboundText intent confidence escalationLevel deadline claimedBy claimedUntil deliveryError createdAt
      customer { id displayName }
    }
  }
`;

/** The subset of the API's CaseFilter the queue page sends. */
export interface QueueFilter {
  channel?: Channel;
  search?: string;
  assignee?: string;
}

/** Everything a reviewer can act on: awaiting review plus escalated, in one round trip. */
export const REVIEW_QUEUE_QUERY = gql<{ awaiting: Connection<QueueCase>; escalated: Connection<QueueCase> }, { filter: QueueFilter | null }>(`
  query ReviewQueue($filter: CaseFilter) {
    awaiting: cases(stage: AWAITING_REVIEW, filter: $filter, first: 100) { ${QUEUE_FIELDS} }
    escalated: cases(stage: ESCALATED, filter: $filter, first: 100) { ${QUEUE_FIELDS} }
  }
`);
