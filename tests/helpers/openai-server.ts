// An OpenAI-compatible chat completions endpoint on a free local port: the official `openai` SDK talks to it
// unchanged, and the test reads what the drafter sent.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingLlm {
  baseUrl: string;
  /** The user prompt of every request, in arrival order. */
  prompts: string[];
  close(): Promise<void>;
}

export async function startRecordingLlm(): Promise<RecordingLlm> {
  const prompts: string[] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const messages = (JSON.parse(body) as { messages: { role: string; content: string }[] }).messages;
    prompts.push(messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n'));
    const content = JSON.stringify({ reply: 'Thanks, we are looking into it.', intent: 'order_status', confidence: 0.3, reasoning: 'test', needs_human: true });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({
      id: 'chatcmpl-test', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    prompts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ScriptedAnswer {
  status?: number;
  /** The assistant message's content (for 200), or the error body's message. */
  content?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface ChatRequest {
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

export interface ScriptedLlm {
  baseUrl: string;
  /** Every request body, in arrival order. */
  requests: ChatRequest[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible endpoint whose every answer the test decides: a scripted reply, an error status with
 * headers (429 with retry-after), a slow answer, or anything the real APIs send.
 */
export async function startScriptedLlm(answer: (request: ChatRequest, index: number) => ScriptedAnswer): Promise<ScriptedLlm> {
  const requests: ChatRequest[] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const parsed = JSON.parse(body) as ChatRequest;
    requests.push(parsed);
    const scripted = answer(parsed, requests.length - 1);
    if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (response.destroyed) return;
    response.statusCode = scripted.status ?? 200;
    response.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(scripted.headers ?? {})) response.setHeader(name, value);
    if (response.statusCode !== 200) {
      response.end(JSON.stringify({ error: { message: scripted.content ?? 'error', type: 'invalid_request_error' } }));
      return;
    }
    response.end(JSON.stringify({
      id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content: scripted.content ?? '' }, finish_reason: 'stop' }],
      usage: { ...(scripted.usage ?? { prompt_tokens: 120, completion_tokens: 40 }), total_tokens: 0 },
    }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
