import { gql } from '../composables/useGraphQL';
import type { Connection, QueueCase } from '../types';

const QUEUE_FIELDS = `
  totalCount
  edges {
    node {
      id stage channel inboundText intent confidence escalationLevel deadline deliveryError createdAt
      customer { id displayName }
    }
  }
`;

/** Everything a reviewer can act on: awaiting review plus escalated, in one round trip. */
export const REVIEW_QUEUE_QUERY = gql<{ awaiting: Connection<QueueCase>; escalated: Connection<QueueCase> }>(`
  query ReviewQueue {
    awaiting: cases(stage: AWAITING_REVIEW, first: 100) { ${QUEUE_FIELDS} }
    escalated: cases(stage: ESCALATED, first: 100) { ${QUEUE_FIELDS} }
  }
`);
