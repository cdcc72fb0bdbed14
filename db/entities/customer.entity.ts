import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    displayName: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Customer = InferEntity<typeof CustomerSchema>;

/** How a customer is reached on one channel (a phone number, a WhatsApp address, a chat visitor id). */
export const CustomerIdentitySchema = defineEntity({
  name: 'CustomerIdentity',
  tableName: 'customer_identities',
  uniques: [{ properties: ['channel', 'address'] }],
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    customer: p.manyToOne(CustomerSchema).deleteRule('cascade'),
    channel: p.string(),
    address: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type CustomerIdentity = InferEntity<typeof CustomerIdentitySchema>;
