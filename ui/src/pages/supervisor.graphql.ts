import { gql } from '../composables/useGraphQL';
import type { CaseStage, Channel, Role } from '../types';

/** A case a supervisor can move: waiting in the first tier, or escalated. */
export interface SupervisedCase {
  id: string;
  inboundText: string;
  stage: CaseStage;
  escalationLevel: number;
  deadline: string | null;
  claimedBy: string | null;
  claimedUntil: string | null;
  channel: Channel;
  intent: string | null;
  createdAt: string;
}

export interface TeamMemberLoad {
  user: { id: string; email: string; role: Role };
  claimed: number;
  decidedToday: number;
}

export interface TeamUser {
  email: string;
  role: Role;
  disabled: boolean;
}

/** The whole board in one round trip: open cases, who holds what, and who can be handed a case. */
export const SUPERVISOR_BOARD_QUERY = gql<{
  cases: { edges: { node: SupervisedCase }[] };
  teamLoad: TeamMemberLoad[];
  users: TeamUser[];
}>(`
  query SupervisorBoard {
    cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, order: OLDEST_FIRST, first: 100) {
      edges { node { id inboundText stage escalationLevel deadline claimedBy claimedUntil channel intent createdAt } }
    }
    teamLoad { user { id email role } claimed decidedToday }
    users { email role disabled }
  }
`);

export const ESCALATE_CASE_MUTATION = gql<{ escalateCase: { id: string; stage: CaseStage } }, { id: string; reason?: string }>(`
  mutation EscalateCase($id: ID!, $reason: String) { escalateCase(id: $id, reason: $reason) { id stage } }
`);

export const REASSIGN_CASE_MUTATION = gql<{ reassignCase: { id: string; claimedBy: string | null } }, { id: string; reviewer: string }>(`
  mutation ReassignCase($id: ID!, $reviewer: String!) { reassignCase(id: $id, reviewer: $reviewer) { id claimedBy } }
`);
