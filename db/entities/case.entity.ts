import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { GuardrailFinding } from '../../domain/guardrail.js';

/**
 * The read model of a case, written by the workflow's activities at every transition. Lists and queues
 * read it; live detail comes from the workflow's `state` query. The id is the workflow ID.
 */
export const CaseSchema = defineEntity({
  name: 'Case',
  tableName: 'cases',
  // The queue reads by stage; the dashboard and the newest-first list read a time range across stages.
  indexes: [
    { properties: ['stage', 'createdAt'] },
    { properties: ['createdAt'] },
    // The queue's text search (cases(filter: { search })); see the migration that made it.
    {
      name: 'cases_inbound_text_search_index',
      expression: `create index "cases_inbound_text_search_index" on "cases" using gin (to_tsvector('simple', "inbound_text"))`,
    },
  ],
  properties: (p) => ({
    id: p.string().primary(),
    channel: p.string(),
    stage: p.string(),
    customerId: p.uuid().index(),
    /** Indexed: a new message looks up the open cases of its conversation to supersede them. */
    conversationId: p.uuid().index(),
    inboundMessageId: p.uuid(),
    inboundText: p.text(),
    /** The inbound text with PII replaced by tokens, written at screening: what logs and PII-less views show. */
    inboundRedacted: p.text().nullable(),
    intent: p.string().nullable(),
    confidence: p.double().$type<number>().nullable(),
    escalationLevel: p.integer().default(0),
    deadline: p.datetime().nullable(),
    draft: p.text().nullable(),
    reply: p.text().nullable(),
    classification: p.string().nullable(),
    findings: p.json<GuardrailFinding[]>().default('[]'),
    decision: p.string().nullable(),
    decidedBy: p.string().nullable(),
    policyVersion: p.integer().nullable(),
    claimedBy: p.string().nullable(),
    claimedUntil: p.datetime().nullable(),
    /** Set in shadow mode: whether policy would have sent the draft without a human. */
    wouldAutoSend: p.boolean().nullable(),
    supersededBy: p.string().nullable(),
    draftError: p.text().nullable(),
    /** The drafter's own account of its draft, and which model wrote it (written by the draftReply activity). */
    draftReasoning: p.text().nullable(),
    draftModel: p.string().nullable(),
    /** The drafter's own confidence before calibration (`confidence` is the calibrated one policy used). */
    draftConfidenceRaw: p.double().$type<number>().nullable(),
    /** Knowledge-base articles the draft drew on, as the drafter cited them. */
    draftSources: p.json<{ id: string; title: string }[]>().default('[]'),
    /** Why a message got no reply though not screened out: an opt-out keyword, help, an opted-out customer. */
    blockedReason: p.string().nullable(),
    /** Delivery of the reply as the provider reports it, and what went wrong (Twilio error code and text). */
    deliveryStatus: p.string().nullable(),
    deliveryError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type Case = InferEntity<typeof CaseSchema>;
