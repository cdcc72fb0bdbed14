// An OpenAI-compatible endpoint that answers at once, so the benchmark measures the pipeline and the real
// `openai` SDK path, not a model. Messages containing [review] get a low-confidence draft.
import http from 'node:http';
import { once } from 'node:events';

export async function startFakeLlm(port: number): Promise<http.Server> {
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    // Only the customer's own message decides: the prompt's approved examples may quote other [review] cases.
    const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
    const review = (messages.at(-1)?.content.split('Customer message:').at(-1) ?? '').includes('[review]');
    const content = JSON.stringify({
      reply: 'Your order is on its way and should arrive within two days.',
      intent: 'order_status',
      confidence: review ? 0.2 : 0.97,
      reasoning: 'benchmark',
      needs_human: review,
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({
      id: 'chatcmpl-bench', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: 'bench',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 50, completion_tokens: 30, total_tokens: 80 },
    }));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
