// Client-side shapes of the GraphQL schema (api/graphql/schema.graphql).
export type Role = 'REVIEWER' | 'SUPERVISOR' | 'ADMIN';
export const ROLES: readonly Role[] = ['REVIEWER', 'SUPERVISOR', 'ADMIN'];
export type CaseStage =
  | 'SCREENING' | 'DRAFTING' | 'AWAITING_REVIEW' | 'ESCALATED' | 'SENDING' | 'SENT'
  | 'BLOCKED' | 'REJECTED' | 'EXPIRED' | 'SUPERSEDED' | 'FAILED';
export type Channel = 'SMS' | 'WHATSAPP' | 'WEBCHAT' | 'EMAIL';
export type Decision = 'APPROVE' | 'EDIT' | 'REJECT';
export type GuardrailClass = 'SECURITY_VIOLATION' | 'OUT_OF_SCOPE' | 'IN_SCOPE';
export type Direction = 'INBOUND' | 'OUTBOUND';
export type HandsetChannel = 'SMS' | 'WHATSAPP';
/** Known values; the schema types it as a String, so others may appear. */
export type BlockedReason = 'OPT_OUT' | 'OPT_IN' | 'HELP';

export interface User {
  id: string;
  email: string;
  role: Role;
}

export interface GuardrailFinding {
  rule: string;
  class: string;
  severity: string;
  start: number;
  end: number;
}

/** The fields the queue list needs. */
export interface QueueCase {
  id: string;
  stage: CaseStage;
  channel: Channel;
  inboundText: string;
  customer: { id: string; displayName: string | null };
  intent: string | null;
  confidence: number | null;
  escalationLevel: number;
  deadline: string | null;
  /** Email of the reviewer holding the case, while claimedUntil is in the future. */
  claimedBy?: string | null;
  claimedUntil?: string | null;
  /** Set when the reply did not reach the customer; the case is then back in review. */
  deliveryError: string | null;
  createdAt: string;
}

export interface Attachment {
  url: string;
  contentType: string;
}

export interface CustomerIdentity {
  id: string;
  channel: Channel;
  address: string;
  /** auto, visitor, or the email of the supervisor who linked it. */
  linkedBy: string;
}

/** One line of a customer's cross-channel history. */
export interface HistoryMessage {
  id: string;
  caseId: string;
  channel: Channel;
  direction: Direction;
  body: string;
  createdAt: string;
}

export interface CaseCustomer {
  id: string;
  displayName: string | null;
  optedOut: boolean;
  identities: CustomerIdentity[];
  history: HistoryMessage[];
  conversations: ConversationSummary[];
}

export type Disposition = 'RESOLVED' | 'NEEDS_FOLLOW_UP' | 'SPAM';

/** A conversation as the customer card shows it: how it ended, once someone closed it. */
export interface ConversationSummary {
  id: string;
  channel: Channel;
  disposition: Disposition | null;
  summary: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

/** One part of a reply the case sent, with Twilio's delivery status. */
export interface ReplyPart {
  id: string;
  body: string;
  part: number;
  status: string | null;
  errorCode: string | null;
  createdAt: string;
}

export interface CaseDetail extends Omit<QueueCase, 'customer'> {
  customer: CaseCustomer;
  attachments: Attachment[];
  blockedReason: BlockedReason | string | null;
  deliveryStatus: string | null;
  replies: ReplyPart[];
  draft: string | null;
  reply: string | null;
  classification: GuardrailClass | null;
  findings: GuardrailFinding[];
  decision: Decision | null;
  decidedBy: string | null;
  updatedAt: string;
  temporalUiUrl: string | null;
  draftReasoning: string | null;
  draftModel: string | null;
  draftSources: { id: string; title: string }[];
  draftConfidenceRaw: number | null;
  conversation: { id: string };
  editDiff: DiffSegment[] | null;
  timeline: AuditEntry[];
}

/** A run of words a reviewer's edit kept, added or removed. */
export interface DiffSegment {
  op: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

/** One recorded step of a case (or any audit line): who, what, when. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  type: string;
  detail: Record<string, unknown>;
}

export interface CaseEvent {
  caseId: string;
  type: string;
  stage: CaseStage;
  at: string;
}

/** A message as the Twilio emulator's handset sees it (INBOUND: the handset sent it). */
export interface HandsetMessage {
  sid: string;
  direction: Direction;
  from: string;
  to: string;
  body: string;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DECIDABLE_STAGES: readonly CaseStage[] = ['AWAITING_REVIEW', 'ESCALATED'];
