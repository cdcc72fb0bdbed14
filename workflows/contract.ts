// The case workflow as Temporal sees it, by the names operators, Twilio and the console rely on
// (shared/CONTRACT.md): task queue, input, signals, updates, the query and search attributes. Sandbox-safe:
// imported by the workflow and by the API, worker and tests, so it imports only Temporal and domain/.
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CaseState, ClaimRequest, DeliveryReport, EscalationRequest, InboundMessage, ReassignRequest, ReviewDecision,
} from '../domain/case.js';
import type { TierTimeouts } from '../domain/policy.js';

export const DEFAULT_TASK_QUEUE = 'countersign';

export interface CaseInput {
  message: InboundMessage;
  /** Pins the review tiers (tests pass tiny ones); otherwise the policy's per-channel timeouts apply. */
  timeouts?: Partial<TierTimeouts>;
  /** Pins LLM retries before the case goes to a human without a draft; otherwise from policy. */
  drafting?: { maximumAttempts?: number; initialInterval?: string };
  /** Pins how long a reviewer's claim holds; otherwise from policy. */
  claimTtl?: string;
  /** Pins how long a sent reply waits for the provider's delivery report; otherwise from policy. */
  deliveryTimeout?: string;
}

/** Decisions from the Temporal CLI and Temporal UI. Invalid or late ones are recorded and ignored. */
export const reviewSignal = defineSignal<[ReviewDecision]>('review');
/** Decisions from the console and GraphQL: validated, and answered with the resulting state. */
export const decideUpdate = defineUpdate<CaseState, [ReviewDecision]>('decide');
export const stateQuery = defineQuery<CaseState>('state');
/** A reviewer takes the case for `claimTtl`; answered with the resulting state. */
export const claimUpdate = defineUpdate<CaseState, [ClaimRequest]>('claim');
export const releaseUpdate = defineUpdate<CaseState, [ClaimRequest]>('release');
/** Answered once the case has moved to the escalated tier. */
export const escalateUpdate = defineUpdate<CaseState, [EscalationRequest]>('escalate');
/** The reviewer gets the case as their claim for `claimTtl`; answered with the resulting state. */
export const reassignUpdate = defineUpdate<CaseState, [ReassignRequest]>('reassign');
/** From api/webhooks/twilio.ts (status callbacks): how far the reply got. */
export const deliverySignal = defineSignal<[DeliveryReport]>('delivery');
/** Sent by a newer case of the same conversation: this one ends `superseded` if still undecided. */
export const supersedeSignal = defineSignal<[{ byCaseId: string }]>('supersede');

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
