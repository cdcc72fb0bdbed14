// The names operators, Twilio and the console rely on (shared/CONTRACT.md). Sandbox-safe: imported by the
// workflow and by the API, worker and tests, so it may only import Temporal's own definitions.
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const DEFAULT_TASK_QUEUE = 'countersign';
export const CASE_WORKFLOW_TYPE = 'handleInboundMessage';

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
}

export interface CaseTimeouts {
  /** No decision within this → escalated. Durations like "15m". */
  review: string;
  /** No decision within this after escalation → expired. */
  escalation: string;
}

export interface CaseInput {
  message: InboundMessage;
  /** Filled by the starter from configuration; tests pass tiny values. */
  timeouts: CaseTimeouts;
}

export type DecisionKind = 'approve' | 'edit' | 'reject';

export interface ReviewDecision {
  decision: DecisionKind;
  reviewer: string;
  text?: string;
  reason?: string;
  decisionId?: string;
}

export type GuardrailClassification = 'security_violation' | 'out_of_scope' | 'in_scope';

export interface GuardrailFinding {
  rule: string;
  class: GuardrailClassification | 'pii';
  severity: 'low' | 'medium' | 'high';
  start: number;
  end: number;
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
}

/** Decisions from the Temporal CLI and Temporal UI. Invalid or late ones are recorded and ignored. */
export const reviewSignal = defineSignal<[ReviewDecision]>('review');
/** Decisions from the console and GraphQL: validated, and answered with the resulting state. */
export const decideUpdate = defineUpdate<CaseState, [ReviewDecision]>('decide');
export const stateQuery = defineQuery<CaseState>('state');

/** Error types carried by a refused `decide` Update; GraphQL turns them into `extensions.code`. */
export const DecisionErrors = {
  notAwaitingReview: 'NOT_AWAITING_REVIEW',
  badInput: 'BAD_INPUT',
} as const;

export const CaseSearchAttributes = {
  stage: defineSearchAttributeKey('CaseStage', 'KEYWORD'),
  channel: defineSearchAttributeKey('Channel', 'KEYWORD'),
  intent: defineSearchAttributeKey('Intent', 'KEYWORD'),
  escalationLevel: defineSearchAttributeKey('EscalationLevel', 'INT'),
  confidence: defineSearchAttributeKey('Confidence', 'DOUBLE'),
} as const;

/** As the Temporal CLI spells the types in `--search-attribute Name=Type`. */
export const SEARCH_ATTRIBUTE_CLI_TYPES: Record<string, string> = {
  CaseStage: 'Keyword',
  Channel: 'Keyword',
  Intent: 'Keyword',
  EscalationLevel: 'Int',
  Confidence: 'Double',
};
