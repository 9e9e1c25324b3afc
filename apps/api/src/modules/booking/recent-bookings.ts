import { Injectable } from '@nestjs/common';

const LIMIT = 100_000;

/** Idempotency keys this process answered with a booking lately, so their retries skip the sold-out shortcut. */
@Injectable()
export class RecentBookings {
  private keys = new Set<string>();
  private previous = new Set<string>();

  add(key: string): void {
    if (this.keys.size >= LIMIT) {
      this.previous = this.keys;
      this.keys = new Set();
    }
    this.keys.add(key);
  }

  has(key: string): boolean {
    return this.keys.has(key) || this.previous.has(key);
  }
}
