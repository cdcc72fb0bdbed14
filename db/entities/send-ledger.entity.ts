import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * One row per reply a case sends (attempt 1, and a further attempt only after a failed delivery sent it
 * back to a human). Written before the provider is called and advanced part by part, so a retried or
 * restarted send activity never sends any part twice.
 */
export const SendLedgerSchema = defineEntity({
  name: 'SendLedger',
  tableName: 'send_ledger',
  properties: (p) => ({
    caseId: p.string().primary(),
    attempt: p.integer().primary().default(1),
    body: p.text(),
    /** Parts of a split reply the provider has accepted; the next retry starts after them. */
    partsSent: p.integer().default(0),
    status: p.enum(() => ['pending', 'accepted']).$type<'pending' | 'accepted'>(),
    providerMessageId: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type SendLedger = InferEntity<typeof SendLedgerSchema>;
