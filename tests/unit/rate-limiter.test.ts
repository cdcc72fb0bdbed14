// The web chat's flood guard: a key over its limit waits until its oldest event leaves the window; keys that
// went quiet are forgotten as time passes, and ever-new keys (a flood from many addresses) cannot grow it
// without bound.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../api/chat/rate-limiter.js';

describe('the chat rate limiter', () => {
  it('lets `limit` events through per window and says how long to wait after that', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1_000, 2_000].map((t) => limiter.take('visitor', t))).toEqual([0, 0, 0]);
    expect(limiter.take('visitor', 10_000)).toBe(50_000);
    expect(limiter.take('someone else', 10_000)).toBe(0);
    expect(limiter.take('visitor', 60_001)).toBe(0);
  });

  it('forgets keys that went quiet, however many there are', () => {
    const limiter = new RateLimiter(10, 60_000);
    for (let i = 0; i < 20_000; i++) limiter.take(`address-${i}`, i);
    expect(limiter.size).toBe(20_000);
    // A minute later only the keys seen within the last minute remain, and still count.
    limiter.take('latecomer', 80_000);
    expect(limiter.size).toBe(20_000 - 20_000 + 1);
    for (let i = 0; i < 10; i++) limiter.take('latecomer', 80_001 + i);
    expect(limiter.take('latecomer', 80_100)).toBeGreaterThan(0);
  });

  it('keeps at most maxKeys, forgetting the longest idle first', () => {
    const limiter = new RateLimiter(2, 60_000, 1_000);
    for (let i = 0; i < 5_000; i++) limiter.take(`address-${i}`, 1_000);
    expect(limiter.size).toBe(1_000);
    limiter.take('address-4999', 1_001);
    expect(limiter.take('address-4999', 1_002)).toBeGreaterThan(0);
  });
});
