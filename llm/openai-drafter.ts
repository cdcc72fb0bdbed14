// Drafts through any OpenAI-compatible endpoint with the official SDK. The SDK's own retries are off:
// Temporal owns retries, and this module only says whether a failure is worth retrying.
import OpenAI from 'openai';
import { DrafterError, INTENTS, type Draft, type DraftRequest, type Drafter } from './drafter.js';

const DRAFT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reply', 'intent', 'confidence', 'reasoning', 'needs_human'],
  properties: {
    reply: { type: 'string' },
    intent: { type: 'string', enum: [...INTENTS] },
    confidence: { type: 'number' },
    reasoning: { type: 'string' },
    needs_human: { type: 'boolean' },
  },
} as const;

const SYSTEM_PROMPT = [
  'You draft replies for a customer-support team. A human may review your draft before it is sent.',
  'Reply briefly, politely and in the customer\'s language. Never promise refunds, prices or outcomes.',
  'Tokens like ⟨EMAIL_1⟩ stand for personal data; keep them as they are if you need them.',
  'Answer with JSON only: reply, intent, confidence (0 to 1, how sure you are the reply is right and complete),',
  'reasoning (one sentence for the reviewer), needs_human (true when a person must decide).',
].join(' ');

export interface OpenAiDrafterOptions {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
}

export class OpenAiDrafter implements Drafter {
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiDrafterOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseUrl,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 20_000,
    });
  }

  async draft(request: DraftRequest): Promise<Draft> {
    let content: string | null | undefined;
    try {
      const completion = await this.client.chat.completions.create({
        model: this.options.model,
        temperature: 0.2,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: userPrompt(request) },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'draft', strict: true, schema: DRAFT_SCHEMA } },
      });
      content = completion.choices[0]?.message?.content;
    } catch (error) {
      throw toDrafterError(error);
    }
    return parseDraft(content, this.options.model);
  }
}

function toDrafterError(error: unknown): DrafterError {
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const retryable = error.status === 408 || error.status === 429 || error.status >= 500;
    const retryAfter = Number(error.headers?.get?.('retry-after'));
    return new DrafterError(`LLM endpoint answered ${error.status}: ${error.message}`, retryable,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  return new DrafterError(`LLM endpoint unreachable: ${(error as Error).message}`, true);
}

export function parseDraft(content: string | null | undefined, model: string): Draft {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(content ?? '');
  } catch {
    throw new DrafterError('LLM answered with something other than JSON', true);
  }
  const reply = typeof parsed.reply === 'string' ? parsed.reply.trim() : '';
  if (!reply) throw new DrafterError('LLM answered without a reply', true);
  const intent = INTENTS.includes(parsed.intent as never) ? String(parsed.intent) : 'other';
  const confidence = Math.min(1, Math.max(0, Number(parsed.confidence) || 0));
  return {
    text: reply,
    intent,
    confidence,
    reasoning: typeof parsed.reasoning === 'string' ? parsed.reasoning : '',
    needsHuman: parsed.needs_human === true,
    model,
  };
}

export function userPrompt(request: DraftRequest): string {
  const history = request.history?.length
    ? `Earlier conversation with this customer, on every channel, oldest first:\n${
      request.history.map((line) => `[${line.at.slice(0, 16).replace('T', ' ')} ${line.channel}] ${line.from}: ${line.text}`).join('\n')}\n\n`
    : '';
  const earlier = request.earlier?.length
    ? `Earlier unanswered messages, oldest first (answer them together with the latest):\n${request.earlier.join('\n---\n')}\n\n`
    : '';
  const attached = request.attachments?.length ? `\nThe customer attached: ${request.attachments.join(', ')} (not shown to you).` : '';
  return `Channel: ${request.channel}\n${history}${earlier}Customer message:\n${request.text}${attached}`;
}
