import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    displayName: p.string().nullable(),
    /** Set by an SMS/WhatsApp STOP (cleared by START): nothing is sent to the customer while set. */
    optedOutAt: p.datetime().nullable(),
    /** A supervisor merged this customer into another; its identities and conversations moved there. */
    mergedInto: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Customer = InferEntity<typeof CustomerSchema>;

/**
 * How a customer is reached: a phone number (`sms`), a WhatsApp number (`whatsapp`), an email address
 * (`email`) or a web chat visitor id (`webchat`). The address is bare (no `whatsapp:` prefix), so one number
 * on SMS and WhatsApp finds one customer.
 */
export const CustomerIdentitySchema = defineEntity({
  name: 'CustomerIdentity',
  tableName: 'customer_identities',
  uniques: [{ properties: ['channel', 'address'] }],
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    customer: p.manyToOne(CustomerSchema).deleteRule('cascade').index(),
    channel: p.string(),
    address: p.string(),
    /** `auto` when an inbound message matched it, else the supervisor who linked it. */
    linkedBy: p.string().default('auto'),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type CustomerIdentity = InferEntity<typeof CustomerIdentitySchema>;
