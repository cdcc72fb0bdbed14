// Client-side shapes of the GraphQL schema (api/graphql/schema.graphql).
export type Role = 'REVIEWER' | 'SUPERVISOR' | 'ADMIN';
export type CaseStage =
  | 'SCREENING' | 'DRAFTING' | 'AWAITING_REVIEW' | 'ESCALATED' | 'SENDING' | 'SENT'
  | 'BLOCKED' | 'REJECTED' | 'EXPIRED' | 'SUPERSEDED' | 'FAILED';
export type Channel = 'SMS' | 'WHATSAPP' | 'WEBCHAT' | 'EMAIL';
export type Decision = 'APPROVE' | 'EDIT' | 'REJECT';
export type GuardrailClass = 'SECURITY_VIOLATION' | 'OUT_OF_SCOPE' | 'IN_SCOPE';

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
  createdAt: string;
}

export interface CaseDetail extends QueueCase {
  draft: string | null;
  reply: string | null;
  classification: GuardrailClass | null;
  findings: GuardrailFinding[];
  decision: Decision | null;
  decidedBy: string | null;
  updatedAt: string;
  temporalUiUrl: string | null;
}

export interface CaseEvent {
  caseId: string;
  type: string;
  stage: CaseStage;
  at: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DECIDABLE_STAGES: readonly CaseStage[] = ['AWAITING_REVIEW', 'ESCALATED'];
