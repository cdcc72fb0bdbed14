import { graphql } from '../generated';
import type { CaseDetailFragment, DecisionInput } from '../generated/graphql';

graphql(`
  fragment CaseDetail on Case {
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
  }
`);

export const CASE_QUERY = graphql(`
  query Case($id: ID!) {
    case(id: $id) { ...CaseDetail }
  }
`);

export const DECIDE_CASE_MUTATION = graphql(`
  mutation DecideCase($id: ID!, $input: DecisionInput!) {
    decideCase(id: $id, input: $input) { ...CaseDetail }
  }
`);

export const CLOSE_CONVERSATION_MUTATION = graphql(`
  mutation CloseConversation($id: ID!, $disposition: Disposition!) {
    closeConversation(id: $id, disposition: $disposition) { id disposition summary }
  }
`);

/** Everything the case page shows; the parts below are what its components take. */
export type CaseDetail = CaseDetailFragment;
export type CaseCustomer = CaseDetail['customer'];
export type HistoryMessage = CaseCustomer['history'][number];
export type ConversationSummary = CaseCustomer['conversations'][number];
export type ReplyPart = CaseDetail['replies'][number];
export type Attachment = CaseDetail['attachments'][number];
export type GuardrailFinding = CaseDetail['findings'][number];
export type DiffSegment = NonNullable<CaseDetail['editDiff']>[number];
export type TimelineEntry = CaseDetail['timeline'][number];
export type { DecisionInput };
