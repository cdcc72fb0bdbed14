// A proxy in front of the Twilio emulator that fails message creation as a test plans it, one step per POST:
// Twilio's own 5xx, or Twilio taking the message and the answer being lost (a 502, or no answer at all).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultStep = '503' | 'accept-then-502' | 'accept-then-hang' | 'pass';

export interface FaultyTwilio {
  url: string;
  /** `target`: the emulator's origin, set once the stack it belongs to is up. */
  state: { target: string; posts: number; answered: number[] };
  /** Resolves when a POST planned as `accept-then-hang` was taken by the emulator and left unanswered. */
  hung: Promise<void>;
  close(): Promise<void>;
}

export async function startFaultyTwilio(plan: FaultStep[]): Promise<FaultyTwilio> {
  const state = { target: '', posts: 0, answered: [] as number[] };
  let markHung!: () => void;
  const hung = new Promise<void>((resolve) => (markHung = resolve));
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const step = request.method === 'POST' ? plan[state.posts++] ?? 'pass' : 'pass';
    if (step === '503') {
      state.answered.push(503);
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20503, message: 'Service Unavailable', status: 503 }));
      return;
    }
    const upstream = await fetch(state.target + request.url, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as [string, string][]),
      body: request.method === 'GET' ? undefined : body,
    });
    const text = await upstream.text();
    if (step === 'accept-then-502') {
      // Twilio took the message, but the answer never reached us.
      state.answered.push(502);
      response.writeHead(502).end('Bad Gateway');
      return;
    }
    if (step === 'accept-then-hang') {
      // Twilio took the message; the sender waits for an answer that never comes (its worker is about to die).
      state.answered.push(0);
      markHung();
      return;
    }
    if (request.method === 'POST') state.answered.push(upstream.status);
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    hung,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
