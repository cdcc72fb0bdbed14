import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Completions by prompt: the key is the SHA-256 of model, parameters and messages, so a retried activity or
 * a replayed case asking the same thing reuses the stored answer and never pays twice.
 */
export const LlmCacheEntrySchema = defineEntity({
  name: 'LlmCacheEntry',
  tableName: 'llm_cache',
  properties: (p) => ({
    key: p.string().length(64).primary(),
    model: p.string(),
    content: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type LlmCacheEntry = InferEntity<typeof LlmCacheEntrySchema>;
