// Drafts through any OpenAI-compatible endpoint with the official SDK. The SDK's own retries are off:
// Temporal owns retries, and this module only says whether a failure is worth retrying. Servers without
// JSON-schema output get JSON mode (then plain text) with the answer validated here, and one repair pass
// when it does not hold up. Identical prompts are answered from the completion cache.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import type { CompletionStore, LlmCallRecord } from './completion-store.js';
import { DrafterError, INTENTS, type Draft, type DraftRequest, type Drafter, type SourcePassage } from './drafter.js';
import { buildPrompt, sourceLabel, type PromptMessage } from './prompt.js';

const DRAFT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reply', 'intent', 'confidence', 'reasoning', 'sources', 'needs_human', 'human_reason'],
  properties: {
    reply: { type: 'string' },
    intent: { type: 'string', enum: [...INTENTS] },
    confidence: { type: 'number' },
    reasoning: { type: 'string' },
    sources: { type: 'array', items: { type: 'string' } },
    needs_human: { type: 'boolean' },
    human_reason: { type: 'string' },
  },
} as const;

/** Part of the cache key: a change here is a different question. */
const PARAMETERS = { temperature: 0.2 } as const;

type OutputMode = 'json_schema' | 'json_object' | 'plain';

export interface OpenAiDrafterOptions {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
  store?: CompletionStore;
}

export function cacheKey(model: string, messages: PromptMessage[]): string {
  return createHash('sha256').update(JSON.stringify({ model, parameters: PARAMETERS, messages })).digest('hex');
}

export class OpenAiDrafter implements Drafter {
  private readonly client: OpenAI;
  /** Learnt from the server's first refusal, so later drafts do not pay for it again. */
  private mode: OutputMode = 'json_schema';

  constructor(private readonly options: OpenAiDrafterOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseUrl,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 20_000,
    });
  }

  async draft(request: DraftRequest): Promise<Draft> {
    const messages = buildPrompt(request);
    const key = cacheKey(this.options.model, messages);
    const log = (call: Omit<LlmCallRecord, 'caseId' | 'model' | 'cacheKey'>) =>
      this.options.store?.record({ caseId: request.caseId ?? null, model: this.options.model, cacheKey: key, ...call });

    const started = performance.now();
    const cached = await this.options.store?.get(key);
    if (cached) {
      const draft = readDraft(cached, this.options.model, request.passages);
      if (draft.ok) {
        await log({ mode: 'cache', cached: true, status: 'ok', latencyMs: performance.now() - started });
        return draft.draft;
      }
    }

    let content = await this.complete(messages, log);
    let result = readDraft(content, this.options.model, request.passages);
    if (!result.ok) {
      // One repair pass: the model sees its own answer and what was wrong with it.
      const repair: PromptMessage[] = [...messages, { role: 'assistant', content }, {
        role: 'user', content: `That answer could not be used: ${result.problem}. Answer again with the JSON object only.`,
      }];
      content = await this.complete(repair, log, 'repair');
      result = readDraft(content, this.options.model, request.passages);
      if (!result.ok) throw new DrafterError(`LLM answered without a usable draft after a repair pass: ${result.problem}`, true);
    }
    await this.options.store?.put(key, this.options.model, content);
    return result.draft;
  }

  /** One completion, stepping down from JSON schema to JSON mode to plain text when the server refuses a mode. */
  private async complete(messages: PromptMessage[], log: (call: Omit<LlmCallRecord, 'caseId' | 'model' | 'cacheKey'>) => unknown, purpose?: 'repair'): Promise<string> {
    for (;;) {
      const mode = this.mode;
      const started = performance.now();
      try {
        const completion = await this.client.chat.completions.create({
          model: this.options.model,
          ...PARAMETERS,
          messages,
          ...(mode === 'json_schema' ? { response_format: { type: 'json_schema', json_schema: { name: 'draft', strict: true, schema: DRAFT_SCHEMA } } } as const : {}),
          ...(mode === 'json_object' ? { response_format: { type: 'json_object' } } as const : {}),
        });
        await log({
          mode: purpose ?? mode, cached: false, status: 'ok', latencyMs: performance.now() - started,
          promptTokens: completion.usage?.prompt_tokens, completionTokens: completion.usage?.completion_tokens,
        });
        return completion.choices[0]?.message?.content ?? '';
      } catch (error) {
        await log({ mode: purpose ?? mode, cached: false, status: 'error', error: (error as Error).message, latencyMs: performance.now() - started });
        const next = mode === 'json_schema' ? 'json_object' : mode === 'json_object' ? 'plain' : null;
        if (next && refusesResponseFormat(error)) {
          this.mode = next;
          continue;
        }
        throw toDrafterError(error);
      }
    }
  }
}

/** A 400 (or 422) that names the response format: the server lacks that structured-output mode. */
function refusesResponseFormat(error: unknown): boolean {
  return error instanceof OpenAI.APIError && (error.status === 400 || error.status === 422)
    && /response_format|json_schema|json_object|structured/i.test(error.message);
}

function toDrafterError(error: unknown): DrafterError {
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const retryable = error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
    return new DrafterError(`LLM endpoint answered ${error.status}: ${error.message}`, retryable, retryAfterMs(error.headers));
  }
  return new DrafterError(`LLM endpoint unreachable: ${(error as Error).message}`, true);
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get?.('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) && at > Date.now() ? at - Date.now() : undefined;
}

type ReadResult = { ok: true; draft: Draft } | { ok: false; problem: string };

/** The structured answer, validated: JSON (a code fence around it is tolerated), a reply, a confidence. */
export function readDraft(content: string | null | undefined, model: string, passages: SourcePassage[] = []): ReadResult {
  let parsed: Record<string, unknown>;
  try {
    const text = (content ?? '').trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it was not JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, problem: 'it was not a JSON object' };
  const reply = typeof parsed.reply === 'string' ? parsed.reply.trim() : '';
  if (!reply) return { ok: false, problem: 'it had no "reply"' };
  if (typeof parsed.confidence !== 'number' || !Number.isFinite(parsed.confidence)) return { ok: false, problem: '"confidence" was not a number' };
  const labels = Array.isArray(parsed.sources) ? parsed.sources.filter((s): s is string => typeof s === 'string') : [];
  const sources = passages
    .map((passage, index) => ({ label: sourceLabel(index), id: passage.articleId, title: passage.title }))
    .filter((source) => labels.includes(source.label))
    .map(({ id, title }) => ({ id, title }));
  const humanReason = typeof parsed.human_reason === 'string' && parsed.human_reason.trim() ? parsed.human_reason.trim() : undefined;
  return {
    ok: true,
    draft: {
      text: reply,
      intent: INTENTS.includes(parsed.intent as never) ? String(parsed.intent) : 'other',
      confidence: Math.min(1, Math.max(0, parsed.confidence)),
      reasoning: typeof parsed.reasoning === 'string' ? parsed.reasoning : '',
      needsHuman: parsed.needs_human === true,
      model,
      sources,
      ...(humanReason ? { humanReason } : {}),
    },
  };
}

/** readDraft for callers that want an exception: a retryable DrafterError naming what was wrong. */
export function parseDraft(content: string | null | undefined, model: string, passages: SourcePassage[] = []): Draft {
  const result = readDraft(content, model, passages);
  if (!result.ok) throw new DrafterError(`LLM answered without a usable draft: ${result.problem}`, true);
  return result.draft;
}

