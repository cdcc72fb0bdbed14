import { bareAddress } from '../channels/addresses.js';
import { recordInboundRows, type InboundRecord } from '../db/inbound-records.js';
import type { InboundMessage } from '../domain/case.js';
import type { ActivityDeps } from './deps.js';

export interface RecordInboundInput {
  caseId: string;
  message: InboundMessage;
}

export type RecordedInbound = InboundRecord;

/**
 * Stores customer, conversation, message (with its attachments) and the case row. The same phone number
 * on SMS and WhatsApp is one customer; a web chat visitor who gives a known email is that customer. Idempotent: a retry finds what the first attempt stored (unique keys on identity,
 * conversation and provider message id).
 */
export function recordInboundActivity({ orm }: ActivityDeps) {
  return async function recordInbound({ caseId, message }: RecordInboundInput): Promise<RecordedInbound> {
    const recorded = await recordInboundRows(orm.em.fork(), caseId, message, bareAddress(message.from));
    if (!recorded) throw new Error(`case ${caseId} was neither recorded nor found`);
    return recorded;
  };
}
