import { setTimeout as sleep } from 'node:timers/promises';

/** Polls /readyz until it answers 200; returns its last body either way. */
export async function waitUntilReady(url: string, timeoutMs: number): Promise<{ ready: boolean; body: unknown }> {
  const deadline = Date.now() + timeoutMs;
  let body: unknown = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      body = await response.json();
      if (response.ok) return { ready: true, body };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return { ready: false, body };
}
