// The words every part of Countersign uses about a case: channels, stages, the inbound message, the
// decisions reviewers make, the state a case reports, delivery. The bottom layer: imports nothing of ours, so
// the workflow, activities, API, read model and console can all depend on it without cycles.
import type { GuardrailClassification, GuardrailFinding } from './guardrail.js';

export const CHANNELS = ['sms', 'whatsapp', 'webchat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAGES = [
  'screening',
  'drafting',
  'awaiting_review',
  'escalated',
  'sending',
  'sent',
  'blocked',
  'rejected',
  'expired',
  'superseded',
  'failed',
] as const;
export type Stage = (typeof STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['sent', 'blocked', 'rejected', 'expired', 'superseded', 'failed'];
export const REVIEWABLE_STAGES: readonly Stage[] = ['awaiting_review', 'escalated'];

/** A case still deciding what to answer: a newer message of its conversation replaces it (supersede). */
export const UNDECIDED_STAGES: readonly Stage[] = ['screening', 'drafting', 'awaiting_review', 'escalated'];

/** The longest reply a case sends or a reviewer may write: Twilio's limit for one concatenated message. */
export const MAX_REPLY_LENGTH = 1600;

/** The case ID everywhere (GraphQL, console, Temporal) is this workflow ID. */
export function caseWorkflowId(channel: Channel, providerMessageId: string): string {
  return `msg:${channel}:${providerMessageId}`;
}

export interface InboundMessage {
  channel: Channel;
  /** Twilio's MessageSid, or the web chat's message id: what makes a delivery a duplicate. */
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  receivedAt: string;
  /** Media the customer attached (MMS, WhatsApp images, audio, documents), as the provider hosts it. */
  attachments?: Attachment[];
  /** The name the customer's WhatsApp profile shows, or the name a web chat visitor gave. */
  profileName?: string;
  /** Web chat: an email the visitor gave, linking them to a known customer. */
  email?: string;
}

export interface Attachment {
  url: string;
  contentType: string;
}

export type DecisionKind = 'approve' | 'edit' | 'reject';

export interface ReviewDecision {
  decision: DecisionKind;
  reviewer: string;
  text?: string;
  reason?: string;
  decisionId?: string;
}

export interface ClaimRequest {
  reviewer: string;
}

/** A supervisor moving a case to the escalated tier before its review timeout (GraphQL escalateCase). */
export interface EscalationRequest {
  supervisor: string;
  reason?: string;
}

/** A supervisor handing a waiting case to a reviewer (GraphQL reassignCase); the API checks the reviewer exists. */
export interface ReassignRequest {
  supervisor: string;
  reviewer: string;
}

export interface CaseState {
  caseId: string;
  stage: Stage;
  channel: Channel;
  intent: string | null;
  confidence: number | null;
  escalationLevel: number;
  /** ISO time when the current review tier runs out, or null when nobody is waited for. */
  deadline: string | null;
  draft: string | null;
  reply: string | null;
  guardrail: { classification: GuardrailClassification | null; findings: GuardrailFinding[] };
  decision: { decision: DecisionKind; reviewer: string; reason: string | null; decisionId: string | null } | null;
  customerId: string | null;
  /** The policy version this case runs under. */
  policyVersion: number | null;
  /** A reviewer's time-limited lock; others cannot decide until it lapses or is released. */
  claim: { reviewer: string; until: string } | null;
  /** Outbound screening of the draft (or of the edit that replaced it). */
  outbound: { verdict: 'clean' | 'warn' | 'block'; findings: GuardrailFinding[] } | null;
  /** Shadow mode: whether policy would have sent this draft without a human. */
  wouldAutoSend: boolean | null;
  /** Why there is no draft (the LLM failed), shown to the reviewer. */
  draftError: string | null;
  /** Earlier cases of this conversation this case replaced, and the case that replaced this one. */
  supersedes: string[];
  supersededBy: string | null;
  /** Why the case ended without an AI reply although screening passed it: see BlockedReason. */
  blockedReason?: BlockedReason | null;
  /** The provider's delivery report for the reply being delivered (every part of a split reply). */
  delivery?: DeliveryState | null;
  /** Why the last reply did not reach the customer (a failed delivery, a refused send), shown to reviewers. */
  deliveryError?: string | null;
  /** 1 for the first reply; each failed delivery that a reviewer answers again adds one. */
  sendAttempt?: number;
  /** Set when a supervisor escalated the case by hand, before its review timeout. */
  escalationRequest?: { by: string; reason: string | null } | null;
}

/**
 * `opt_out`, `opt_in`, `help`: the message was a carrier keyword (STOP, START, HELP…), answered by Twilio
 * itself, never by the assistant.
 */
export type BlockedReason = 'opt_out' | 'opt_in' | 'help';

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

export interface DeliveryState {
  status: DeliveryStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /** Provider message ids of the reply's parts, in order. */
  providerMessageIds: string[];
}

/** A provider status callback about one outbound message, relayed to its case by the status webhook. */
export interface DeliveryReport {
  providerMessageId: string;
  status: DeliveryStatus;
  errorCode?: string | null;
  errorMessage?: string | null;
}

/** Error types carried by a refused `decide` Update; GraphQL turns them into `extensions.code`. */
export const DecisionErrors = {
  notAwaitingReview: 'NOT_AWAITING_REVIEW',
  badInput: 'BAD_INPUT',
  claimedByOther: 'CLAIMED_BY_OTHER',
  outboundBlocked: 'OUTBOUND_BLOCKED',
} as const;
