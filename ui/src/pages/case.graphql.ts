import { gql } from '../composables/useGraphQL';
import type { CaseDetail, Decision } from '../types';

const CASE_FIELDS = `
  id stage channel inboundText intent confidence draft reply escalationLevel deadline
  classification decision decidedBy createdAt updatedAt temporalUiUrl
  customer { id displayName }
  findings { rule class severity start end }
`;

export const CASE_QUERY = gql<{ case: CaseDetail | null }, { id: string }>(`
  query Case($id: ID!) {
    case(id: $id) { ${CASE_FIELDS} }
  }
`);

export interface DecisionInput {
  decision: Decision;
  text?: string;
  reason?: string;
  decisionId: string;
}

export const DECIDE_CASE_MUTATION = gql<{ decideCase: CaseDetail }, { id: string; input: DecisionInput }>(`
  mutation DecideCase($id: ID!, $input: DecisionInput!) {
    decideCase(id: $id, input: $input) { ${CASE_FIELDS} }
  }
`);
