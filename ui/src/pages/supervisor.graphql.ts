import { graphql } from '../generated';
import type { SupervisorBoardQuery } from '../generated/graphql';

/** The whole board in one round trip: open cases, who holds what, and who can be handed a case. */
export const SUPERVISOR_BOARD_QUERY = graphql(`
  query SupervisorBoard {
    cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, order: OLDEST_FIRST, first: 100) {
      edges { node { id inboundText stage escalationLevel deadline claimedBy claimedUntil channel intent createdAt } }
    }
    teamLoad { user { id email role } claimed decidedToday }
    users { email role disabled }
  }
`);

export const ESCALATE_CASE_MUTATION = graphql(`
  mutation EscalateCase($id: ID!, $reason: String) { escalateCase(id: $id, reason: $reason) { id stage } }
`);

export const REASSIGN_CASE_MUTATION = graphql(`
  mutation ReassignCase($id: ID!, $reviewer: String!) { reassignCase(id: $id, reviewer: $reviewer) { id claimedBy } }
`);

/** A case a supervisor can move: waiting in the first tier, or escalated. */
export type SupervisedCase = SupervisorBoardQuery['cases']['edges'][number]['node'];
export type TeamMemberLoad = SupervisorBoardQuery['teamLoad'][number];
export type TeamUser = SupervisorBoardQuery['users'][number];
