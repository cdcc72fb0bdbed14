// The drafter against an OpenAI-compatible server the test scripts, through the official `openai` SDK:
// structured output and its fallbacks, the repair pass, errors and retry-after, slow answers, the
// completion cache and the call log in PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LlmCallSchema } from '../../db/entities/index.js';
import { initOrm, type Orm } from '../../db/orm.js';
import { PgCompletionStore } from '../../llm/completion-store.js';
import { DrafterError, type DraftRequest } from '../../llm/drafter.js';
import { OpenAiDrafter } from '../../llm/openai-drafter.js';
import { startScriptedLlm, type ScriptedAnswer, type ScriptedLlm } from '../helpers/openai-server.js';

let orm: Orm;
const servers: ScriptedLlm[] = [];
beforeAll(async () => {
  orm = await initOrm({ clientUrl: inject('databaseUrl') });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await orm?.close();
});

const answer = (fields: Record<string, unknown> = {}) => JSON.stringify({
  reply: 'Your parcel left our warehouse today.', intent: 'order_status', confidence: 0.82, reasoning: 'Tracking says so.',
  sources: ['KB1'], needs_human: false, human_reason: '', ...fields,
});

async function drafterFor(script: (request: { response_format?: { type: string } }, index: number) => ScriptedAnswer, timeoutMs = 5_000) {
  const llm = await startScriptedLlm(script);
  servers.push(llm);
  const drafter = new OpenAiDrafter({ baseUrl: llm.baseUrl, model: 'test-model', timeoutMs, store: new PgCompletionStore(orm) });
  return { llm, drafter };
}

/** A request nobody asked before, so the cache cannot answer it. */
function freshRequest(extra: Partial<DraftRequest> = {}): DraftRequest {
  return {
    caseId: `msg:sms:SM${randomUUID().replace(/-/g, '')}`,
    channel: 'sms',
    text: `Where is my order ${randomUUID().slice(0, 8)}?`,
    voice: { persona: 'You are Kestrel Outdoor\'s support team.', tone: 'Two short sentences.' },
    forbiddenTopics: ['Investment tips'],
    neverAutoIntents: ['refund'],
    passages: [{ articleId: randomUUID(), title: 'Tracking your order', sentences: ['We send a tracking number when the order ships.'] }],
    ...extra,
  };
}

const calls = (caseId: string) => orm.em.fork().find(LlmCallSchema, { caseId }, { orderBy: { id: 'asc' } });

describe('OpenAI-compatible drafter', () => {
  it('asks for JSON-schema output with the assembled prompt, cites passages by id, and logs tokens and latency', async () => {
    const { llm, drafter } = await drafterFor(() => ({ content: answer(), usage: { prompt_tokens: 321, completion_tokens: 54 } }));
    const request = freshRequest();
    const draft = await drafter.draft(request);
    expect(draft).toMatchObject({ text: 'Your parcel left our warehouse today.', intent: 'order_status', confidence: 0.82, model: 'test-model' });
    expect(draft.sources).toEqual([{ id: request.passages![0]!.articleId, title: 'Tracking your order' }]);

    const [sent] = llm.requests;
    expect(sent!.response_format?.type).toBe('json_schema');
    const system = sent!.messages[0]!.content;
    expect(system).toContain('You are Kestrel Outdoor\'s support team.');
    expect(system).toContain('Tone on sms: Two short sentences.');
    expect(system).toContain('Do not discuss: Investment tips.');
    expect(system).toContain('A person always decides refund');
    expect(sent!.messages[1]!.content).toContain('[KB1] Tracking your order: We send a tracking number');

    const [logged] = await calls(request.caseId!);
    expect(logged).toMatchObject({ mode: 'json_schema', cached: false, status: 'ok', promptTokens: 321, completionTokens: 54, model: 'test-model' });
    expect(logged!.latencyMs).toBeGreaterThan(0);
  });

  it('answers an identical prompt from the cache: the server is asked once', async () => {
    const { llm, drafter } = await drafterFor(() => ({ content: answer() }));
    const request = freshRequest();
    const first = await drafter.draft(request);
    const second = await drafter.draft(request);
    expect(second).toEqual(first);
    expect(llm.requests).toHaveLength(1);
    expect((await calls(request.caseId!)).map((c) => [c.mode, c.cached])).toEqual([['json_schema', false], ['cache', true]]);
  });

  it('falls back to JSON mode on a server without JSON-schema support, and remembers it', async () => {
    const { llm, drafter } = await drafterFor((request) => request.response_format?.type === 'json_schema'
      ? { status: 400, content: "response_format type 'json_schema' is not supported by this model" }
      : { content: answer() });
    expect((await drafter.draft(freshRequest())).text).toBe('Your parcel left our warehouse today.');
    await drafter.draft(freshRequest());
    expect(llm.requests.map((r) => r.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('goes down to plain text when JSON mode is refused too, and accepts JSON in a code fence', async () => {
    const { llm, drafter } = await drafterFor((request) => request.response_format
      ? { status: 400, content: `response_format ${request.response_format.type} unsupported` }
      : { content: `\`\`\`json\n${answer()}\n\`\`\`` });
    expect((await drafter.draft(freshRequest())).intent).toBe('order_status');
    expect(llm.requests.map((r) => r.response_format?.type ?? 'plain')).toEqual(['json_schema', 'json_object', 'plain']);
  });

  it('repairs an answer that is not valid JSON with one more call, showing the model its answer and the problem', async () => {
    const { llm, drafter } = await drafterFor((_, index) => (index === 0 ? { content: 'Sure! Your parcel is on its way.' } : { content: answer() }));
    const request = freshRequest();
    expect((await drafter.draft(request)).text).toBe('Your parcel left our warehouse today.');
    const repair = llm.requests[1]!.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: 'Sure! Your parcel is on its way.' });
    expect(repair.at(-1)!.content).toMatch(/could not be used: it was not JSON/);
    expect((await calls(request.caseId!)).map((c) => c.mode)).toEqual(['json_schema', 'repair']);
  });

  it('gives up with a retryable error when the repair fails too, and caches nothing', async () => {
    const { llm, drafter } = await drafterFor(() => ({ content: '{"reply": "", "confidence": "high"}' }));
    const request = freshRequest();
    await expect(drafter.draft(request)).rejects.toMatchObject({ name: 'DrafterError', retryable: true, message: expect.stringMatching(/had no "reply"/) });
    await expect(drafter.draft(request)).rejects.toBeInstanceOf(DrafterError);
    expect(llm.requests).toHaveLength(4);
  });

  it('passes on 429 as retryable with the provider\'s retry-after, 5xx as retryable, other 4xx as final', async () => {
    const statuses: ScriptedAnswer[] = [
      { status: 429, content: 'Rate limit reached', headers: { 'retry-after': '7' } },
      { status: 503, content: 'overloaded' },
      { status: 401, content: 'Incorrect API key provided' },
    ];
    const { drafter } = await drafterFor((_, index) => statuses[index]!);
    await expect(drafter.draft(freshRequest())).rejects.toMatchObject({ retryable: true, retryAfterMs: 7_000, message: expect.stringContaining('429') });
    await expect(drafter.draft(freshRequest())).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('503') });
    await expect(drafter.draft(freshRequest())).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('401') });
  });

  it('times out a slow answer as a retryable error, and logs the failed call', async () => {
    const { drafter } = await drafterFor(() => ({ content: answer(), delayMs: 1_500 }), 300);
    const request = freshRequest();
    const started = Date.now();
    await expect(drafter.draft(request)).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/unreachable|timed out/i) });
    expect(Date.now() - started).toBeLessThan(1_400);
    expect((await calls(request.caseId!)).map((c) => c.status)).toEqual(['error']);
  });
});
