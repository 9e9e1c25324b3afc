import { Injectable } from '@nestjs/common';
import { SharedCounterRepository } from '../../database/shared-counter.repository';
import { AuthException, AuthExceptionCode } from './auth.exception';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_ATTEMPTS_PER_CLIENT = 30;

/**
 * Slows down password guessing: failures per account and attempts per client address within a
 * fixed 15-minute window, counted in the tenant's database so every replica holds the same count.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly counters: SharedCounterRepository) {}

  /** Counts the attempt; a 429 with `Retry-After` when the account or the client is over its limit. */
  async admit(account: string, client: string): Promise<void> {
    const window = this.window();
    const [failures, attempts] = await Promise.all([
      this.counters.count(this.accountKey(account, window.index)),
      this.counters.hit(`sign-in:client:${window.index}:${this.counters.pseudonym(client)}`, window.endsAt),
    ]);
    if (failures < MAX_FAILURES_PER_ACCOUNT && attempts <= MAX_ATTEMPTS_PER_CLIENT) return;
    const exception = new AuthException(AuthExceptionCode.TooManyAttempts);
    exception.retryAfterSeconds = Math.ceil((window.endsAt.getTime() - Date.now()) / 1000);
    throw exception;
  }

  async recordFailure(account: string): Promise<void> {
    const window = this.window();
    await this.counters.hit(this.accountKey(account, window.index), window.endsAt);
  }

  clearFailures(account: string): Promise<void> {
    return this.counters.reset(this.accountKey(account, this.window().index));
  }

  private accountKey(account: string, window: number): string {
    return `sign-in:account:${window}:${this.counters.pseudonym(account)}`;
  }

  private window(): { index: number; endsAt: Date } {
    const index = Math.floor(Date.now() / WINDOW_MS);
    return { index, endsAt: new Date((index + 1) * WINDOW_MS) };
  }
}
