import { gql } from '../composables/useGraphQL';
import type { CaseDetail, Decision, Disposition } from '../types';

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
    conversations { id channel disposition summary closedAt closedBy }
  }
  conversation { id }
  findings { rule class severity start end }
  draftReasoning draftModel draftSources { id title } draftConfidenceRaw
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

export const CLOSE_CONVERSATION_MUTATION = gql<{ closeConversation: { id: string } }, { id: string; disposition: Disposition }>(`
  mutation CloseConversation($id: ID!, $disposition: Disposition!) {
    closeConversation(id: $id, disposition: $disposition) { id disposition summary }
  }
`);
