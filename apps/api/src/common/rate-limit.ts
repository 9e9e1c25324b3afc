import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SharedCounterRepository } from '../database/shared-counter.repository';
import { AppException } from './problem/app-exception';

/** Requests per client address and minute, per group of public routes. */
export const RATE_LIMITS = {
  availability: 240,
  booking: 20,
  manage: 60,
  captcha: 60,
} as const;

export type RateLimitGroup = keyof typeof RATE_LIMITS;
const METADATA = 'vaccinate:rate-limit';
const WINDOW_MS = 60_000;

/** A 429 with how long to wait, in seconds, for the `Retry-After` header. */
export class RateLimitedException extends AppException {
  constructor(retryAfterSeconds: number) {
    super('request.rate_limited', 429, 'Too many requests', `Please wait ${retryAfterSeconds} seconds and try again.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Keys remembered per window at most; past it the memory starts again (counts stay exact in the database). */
const MAX_REMEMBERED = 100_000;

/**
 * A fixed-window counter per client and group, shared by every replica of the tenant through its
 * database, so adding pods adds no allowance. The client address is stored only as a pseudonym.
 *
 * Far from its limit a request is answered at once and its hit is written behind it (batched);
 * from half the limit on, each request waits for its exact position. What this process has seen
 * of a key (its own hits and the totals the database returned) decides which; a client whose hits
 * are spread over replicas is at worst let through once per replica before the exact count holds.
 */
@Injectable()
export class RateLimiter {
  private window = 0;
  /** Hits of each key seen by this process in the current window: at least the database total it last returned. */
  private seen = new Map<string, number>();

  constructor(private readonly counters: SharedCounterRepository) {}

  /** Counts one request of `clientIp` in `group`; throws a RateLimitedException once it is over the limit. */
  async take(group: RateLimitGroup, clientIp: string): Promise<void> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window || this.seen.size > MAX_REMEMBERED) {
      this.window = window;
      this.seen = new Map();
    }
    const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000);
    const limit = RATE_LIMITS[group];
    const key = `rate:${group}:${window}:${this.counters.pseudonym(clientIp)}`;
    const seen = (this.seen.get(key) ?? 0) + 1;
    if (seen > limit) throw new RateLimitedException(retryAfter);
    this.seen.set(key, seen);
    const counted = this.counters.hit(key, new Date((window + 1) * WINDOW_MS)).then((position) => {
      if (this.window === window) this.seen.set(key, Math.max(this.seen.get(key) ?? 0, position));
      return position;
    });
    if (seen <= limit / 2) {
      // Written behind the answer; a failed write only loses a count far below the limit.
      counted.catch(() => undefined);
      return;
    }
    if ((await counted) > limit) throw new RateLimitedException(retryAfter);
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const group = this.reflector.get<RateLimitGroup | undefined>(METADATA, context.getHandler());
    if (group) await this.limiter.take(group, context.switchToHttp().getRequest<FastifyRequest>().ip);
    return true;
  }
}

export const RateLimit = (group: RateLimitGroup) =>
  applyDecorators(SetMetadata(METADATA, group), UseGuards(RateLimitGuard), ApiTooManyRequestsResponse({ description: 'Rate limited' }));
