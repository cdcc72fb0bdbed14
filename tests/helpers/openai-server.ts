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
