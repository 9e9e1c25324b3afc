import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * A fixed-window counter per client and group, in-process: each pod limits its share, which is
 * what stops a refresh loop or a bot; the ingress limits globally in front of it.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const group = this.reflector.get<RateLimitGroup | undefined>(METADATA, context.getHandler());
    if (!group) return true;
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = `${group}|${request.ip}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= RATE_LIMITS[group]) return true;
    const retryAfter = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new AppException('request.rate_limited', 429, 'Too many requests', `Please wait ${retryAfter} seconds and try again.`);
  }
}

export const RateLimit = (group: RateLimitGroup) =>
  applyDecorators(SetMetadata(METADATA, group), UseGuards(RateLimitGuard), ApiTooManyRequestsResponse({ description: 'Rate limited' }));
