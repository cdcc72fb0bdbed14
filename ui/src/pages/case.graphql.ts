import { gql } from '../composables/useGraphQL';
import type { CaseDetail, Decision } from '../types';

const CASE_FIELDS = `
  id stage channel inboundText intent confidence draft reply escalationLevel deadline
  classification decision decidedBy createdAt updatedAt temporalUiUrl
  blockedReason deliveryStatus deliveryError
  attachments { url contentType }
  replies { id body part status errorCode createdAt }
  customer {
    id displayName optedOut
    identities { id channel address linkedBy }
    history(last: 20) { id caseId channel direction body createdAt }
  }
  findings { rule class severity start end }
  draftReasoning draftModel
  editDiff { op text }
  timeline { id at actor type detail }
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
