import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * One row per case that ever tried to send. Written before the provider is called and checked on every
 * retry, so a retried or restarted send activity never sends a second reply.
 */
export const SendLedgerSchema = defineEntity({
  name: 'SendLedger',
  tableName: 'send_ledger',
  properties: (p) => ({
    caseId: p.string().primary(),
    body: p.text(),
    status: p.enum(() => ['pending', 'accepted']).$type<'pending' | 'accepted'>(),
    providerMessageId: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type SendLedger = InferEntity<typeof SendLedgerSchema>;
