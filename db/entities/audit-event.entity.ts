import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Append-only: a database trigger (see migrations) refuses UPDATE and DELETE on this table. */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  // Sign-in throttling counts recent failures by account and by address; the log is read newest first.
  indexes: [{ properties: ['type', 'actor', 'createdAt'] }, { properties: ['createdAt'] }],
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    caseId: p.string().nullable().index(),
    actor: p.string(),
    type: p.string(),
    detail: p.json<Record<string, unknown>>().default('{}'),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type AuditEvent = InferEntity<typeof AuditEventSchema>;
