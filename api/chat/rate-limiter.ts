/**
 * At most `limit` events per key in any `windowMs`, counted in this API instance's memory: a visitor or an
 * address flooding the chat is slowed at the door, before any case starts. With several instances behind a
 * load balancer each counts on its own, so the effective limit is per instance.
 */
export class RateLimiter {
  /** Keys in the order they were last seen: the idle ones are always at the front. */
  private readonly hits = new Map<string, number[]>();

  /** `maxKeys` bounds memory under a flood from ever new addresses: beyond it, the longest idle key is forgotten. */
  constructor(readonly limit: number, readonly windowMs: number, readonly maxKeys = 100_000) {}

  /** Keys currently remembered. */
  get size(): number {
    return this.hits.size;
  }

  /** Records an event for `key`; answers how long to wait (ms) when it is over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    // Re-inserted, so the map stays ordered by last sight and forgetting idle keys never scans live ones.
    this.hits.delete(key);
    const wait = recent.length >= this.limit ? recent[0]! + this.windowMs - now : 0;
    if (!wait) recent.push(now);
    this.hits.set(key, recent);
    this.forgetIdle(now);
    return wait;
  }

  /** Drops keys with no event inside the window, from the front, stopping at the first live one: O(dropped). */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.hits) {
      const idle = times.length === 0 || times.at(-1)! <= now - this.windowMs;
      if (!idle && this.hits.size <= this.maxKeys) return;
      this.hits.delete(key);
    }
  }
}
