// Where the drafter keeps completions (the cache) and its call log, in PostgreSQL: every worker shares them,
// so a retry on another worker still finds the answer the first attempt paid for.
import type { MikroORM } from '@mikro-orm/postgresql';
import { LlmCacheEntrySchema, LlmCallSchema } from '../db/entities/index.js';

export interface LlmCallRecord {
  caseId: string | null;
  model: string;
  mode: 'json_schema' | 'json_object' | 'plain' | 'repair' | 'cache';
  cacheKey: string;
  cached: boolean;
  status: 'ok' | 'error';
  error?: string;
  promptTokens?: number;
  completionTokens?: number;
  latencyMs: number;
}

export interface CompletionStore {
  get(key: string): Promise<string | null>;
  put(key: string, model: string, content: string): Promise<void>;
  record(call: LlmCallRecord): Promise<void>;
}

export class PgCompletionStore implements CompletionStore {
  constructor(private readonly orm: MikroORM) {}

  async get(key: string): Promise<string | null> {
    const entry = await this.orm.em.fork().findOne(LlmCacheEntrySchema, { key });
    return entry?.content ?? null;
  }

  async put(key: string, model: string, content: string): Promise<void> {
    // Two workers answering the same prompt at once store the same key: the first one stays.
    await this.orm.em.fork().execute(
      `insert into llm_cache (key, model, content, created_at) values (?, ?, ?, now()) on conflict (key) do nothing`,
      [key, model, content],
    );
  }

  async record(call: LlmCallRecord): Promise<void> {
    const em = this.orm.em.fork();
    em.create(LlmCallSchema, {
      caseId: call.caseId, model: call.model, mode: call.mode, cacheKey: call.cacheKey, cached: call.cached, status: call.status,
      error: call.error ?? null, promptTokens: call.promptTokens ?? null, completionTokens: call.completionTokens ?? null, latencyMs: call.latencyMs,
    });
    await em.flush();
  }
}
