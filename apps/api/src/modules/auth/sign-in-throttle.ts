import { Injectable } from '@nestjs/common';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_ATTEMPTS_PER_CLIENT = 30;

/**
 * Slows down password guessing: failures per account and attempts per client address within a window.
 * In-process on purpose: each pod throttles its own share, which is enough against guessing.
 */
@Injectable()
export class SignInThrottle {
  private readonly hits = new Map<string, number[]>();

  isBlocked(accountKey: string, clientKey: string): boolean {
    return (
      this.count(`account:${accountKey}`) >= MAX_FAILURES_PER_ACCOUNT ||
      this.count(`client:${clientKey}`) >= MAX_ATTEMPTS_PER_CLIENT
    );
  }

  recordAttempt(clientKey: string): void {
    this.add(`client:${clientKey}`);
  }

  recordFailure(accountKey: string): void {
    this.add(`account:${accountKey}`);
  }

  clearFailures(accountKey: string): void {
    this.hits.delete(`account:${accountKey}`);
  }

  private count(key: string): number {
    const now = Date.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length === 0) this.hits.delete(key);
    else this.hits.set(key, recent);
    return recent.length;
  }

  private add(key: string): void {
    this.count(key);
    this.hits.set(key, [...(this.hits.get(key) ?? []), Date.now()]);
  }
}
