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
  /** Forgotten-password mails asked for: few people forget twice a minute. */
  passwordReset: 5,
  /** Invitation and reset links used: a guess at a 256-bit token is hopeless, this only keeps the cost down. */
  passwordLink: 20,
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
 * Cheap where it can be: a client's first request in a window is only remembered by the process
 * (a sell-out burst is mostly first requests), and written with its second; below half the limit
 * a request is answered at once and its hits are written behind it (batched); from half the limit
 * on, each request waits for its exact position. So the limit holds across replicas give or take
 * one request per replica.
 */
@Injectable()
export class RateLimiter {
  private window = 0;
  /** Hits of each key seen by this process in the current window: at least the database total it last returned. */
  private seen = new Map<string, number>();
  /** Hits of each key this process has not written yet (only ever a first one). */
  private unwritten = new Map<string, number>();

  constructor(private readonly counters: SharedCounterRepository) {}

  /** Counts one request of `clientIp` in `group`; throws a RateLimitedException once it is over the limit. */
  async take(group: RateLimitGroup, clientIp: string): Promise<void> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window || this.seen.size > MAX_REMEMBERED) {
      this.window = window;
      this.seen = new Map();
      this.unwritten = new Map();
    }
    const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000);
    const limit = RATE_LIMITS[group];
    const key = `rate:${group}:${window}:${this.counters.pseudonym(clientIp)}`;
    const seen = (this.seen.get(key) ?? 0) + 1;
    if (seen > limit) throw new RateLimitedException(retryAfter);
    this.seen.set(key, seen);
    if (seen === 1 && limit > 1) {
      this.unwritten.set(key, 1);
      return;
    }
    const hits = 1 + (this.unwritten.get(key) ?? 0);
    this.unwritten.delete(key);
    const counted = this.counters.hit(key, new Date((window + 1) * WINDOW_MS), hits).then((position) => {
      if (this.window === window) this.seen.set(key, Math.max(this.seen.get(key) ?? 0, position));
      return position;
    });
    if (seen <= limit / 2) {
      // Written behind the answer; a failed write only loses counts far below the limit.
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
