import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UserSchema } from './user.entity.js';

/** A bearer token. Only its SHA-256 is stored, so a database leak does not leak sessions. */
export const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: p.manyToOne(UserSchema).deleteRule('cascade'),
    tokenHash: p.string().unique(),
    /** `bearer` for scripts (login, createApiToken), `session` for the console's HTTP-only cookie. */
    kind: p.enum(() => ['bearer', 'session']).$type<'bearer' | 'session'>().default('bearer'),
    name: p.string().default(''),
    lastUsedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  }),
});
export type ApiToken = InferEntity<typeof ApiTokenSchema>;
