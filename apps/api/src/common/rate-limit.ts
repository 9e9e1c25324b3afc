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

/**
 * A fixed-window counter per client and group, shared by every replica of the tenant through its
 * database, so adding pods adds no allowance. The client address is stored only as a pseudonym.
 */
@Injectable()
export class RateLimiter {
  /** Keys this process already saw over their limit in the current window: refused without a round trip. */
  private exhausted = new Set<string>();
  private exhaustedWindow = 0;

  constructor(private readonly counters: SharedCounterRepository) {}

  /** Counts one request of `clientIp` in `group`; throws a RateLimitedException once it is over the limit. */
  async take(group: RateLimitGroup, clientIp: string): Promise<void> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.exhaustedWindow) {
      this.exhaustedWindow = window;
      this.exhausted = new Set();
    }
    const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000);
    const key = `rate:${group}:${window}:${this.counters.pseudonym(clientIp)}`;
    if (this.exhausted.has(key)) throw new RateLimitedException(retryAfter);
    const position = await this.counters.hit(key, new Date((window + 1) * WINDOW_MS));
    if (position <= RATE_LIMITS[group]) return;
    this.exhausted.add(key);
    throw new RateLimitedException(retryAfter);
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
