import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Every completion the drafter asked for (or found in the cache): what it cost and how long it took. */
export const LlmCallSchema = defineEntity({
  name: 'LlmCall',
  tableName: 'llm_calls',
  indexes: [{ properties: ['caseId'] }, { properties: ['createdAt'] }],
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    caseId: p.string().nullable(),
    model: p.string(),
    /** json_schema, json_object or repair: how far down the structured-output fallbacks the call went. */
    mode: p.string(),
    cacheKey: p.string().length(64),
    cached: p.boolean(),
    status: p.string(),
    error: p.text().nullable(),
    promptTokens: p.integer().nullable(),
    completionTokens: p.integer().nullable(),
    latencyMs: p.double().$type<number>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type LlmCall = InferEntity<typeof LlmCallSchema>;
