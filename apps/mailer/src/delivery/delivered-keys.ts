/** 24 h: longer than the API's whole retry horizon (8 attempts, doubling from 30 s, about 4 h). */
export const DELIVERED_KEY_TTL_MS = 24 * 60 * 60_000;
const CAPACITY = 100_000;

interface Entry<T> {
  expiresAt: number;
  answer: Promise<T>;
}

/**
 * The idempotency keys of messages this mailer sent lately, per tenant: a delivery retried under a
 * key already sent (or still being sent) gets the first answer and sends nothing. It lives in
 * memory, bounded in size and age: the mailer has no database, and a retry comes within the TTL.
 */
export class DeliveredKeys<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = DELIVERED_KEY_TTL_MS,
    private readonly capacity = CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `send` once per tenant and key; `repeated` tells a caller it got an earlier answer. A failed send forgets the key. */
  async once(tenant: string, key: string, send: () => Promise<T>): Promise<{ answer: T; repeated: boolean }> {
    const id = `${tenant}\u0000${key}`;
    this.evict();
    const known = this.entries.get(id);
    if (known && known.expiresAt > this.now()) return { answer: await known.answer, repeated: true };
    const answer = send();
    this.entries.delete(id);
    this.entries.set(id, { expiresAt: this.now() + this.ttlMs, answer });
    try {
      return { answer: await answer, repeated: false };
    } catch (error) {
      if (this.entries.get(id)?.answer === answer) this.entries.delete(id);
      throw error;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries are kept in the order they were added, which is the order they expire in. */
  private evict(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.capacity) return;
      this.entries.delete(id);
    }
  }
}
