import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit per window and client, then answers how long to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.attempt('a').allowed)).toEqual([true, true, true]);
    now += 15_000;
    expect(limiter.attempt('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.attempt('b').allowed).toBe(true);
    now += 45_001;
    expect(limiter.attempt('a').allowed).toBe(true);
  });

  it('refused attempts do not extend the wait', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 60_000, () => now);
    limiter.attempt('a');
    for (let i = 0; i < 10; i++) limiter.attempt('a');
    now = 60_001;
    expect(limiter.attempt('a').allowed).toBe(true);
  });

  it('stays bounded when many addresses appear', () => {
    const now = 0;
    const limiter = new RateLimiter(1, 60_000, () => now, 100);
    for (let i = 0; i < 1_000; i++) limiter.attempt(`client-${i}`);
    expect((limiter as unknown as { attempts: Map<string, number[]> }).attempts.size).toBeLessThanOrEqual(100);
    // The most recent clients are still limited.
    expect(limiter.attempt('client-999').allowed).toBe(false);
  });
});
