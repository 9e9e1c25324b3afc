/** The outcome of one attempt: allowed, or refused with the seconds until the next one is. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-log limit per client key, in process: each replica limits on its own, which bounds an
 * online guesser per replica; the certificate secret is what stops offline guessing. The map is
 * bounded so a flood of addresses cannot grow it without end.
 */
export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxClients: number = 100_000,
  ) {}

  attempt(key: string): RateDecision {
    const now = this.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > this.maxClients) this.evict(now);
    return { allowed: true };
  }

  private evict(now: number): void {
    for (const [key, times] of this.attempts) {
      if ((times[times.length - 1] ?? 0) <= now - this.windowMs) this.attempts.delete(key);
    }
    // Still full of active clients: drop the least recently seen (Map keeps insertion order).
    while (this.attempts.size > this.maxClients) {
      const oldest = this.attempts.keys().next().value;
      if (oldest === undefined) break;
      this.attempts.delete(oldest);
    }
  }
}
