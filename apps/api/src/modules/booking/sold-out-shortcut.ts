import { Injectable } from '@nestjs/common';
import { DOSE_KINDS, PROBLEM_CONTENT_TYPE, type DoseKind, type ProblemDetails } from '@vaccinate/api-contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appProblem, knownProblem, type ProblemAnswer } from '../../common/problem/known-problem';
import { RateLimiter } from '../../common/rate-limit';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { RecentBookings } from './recent-bookings';
import { SoldOutSlots } from './sold-out-slots';

const BOOKINGS_ROUTE = '/api/bookings';

/**
 * During a sell-out nearly every attempt is for a full slot. This answers those in a Fastify hook,
 * before the framework's guards, pipes and validation run or the database is asked. A retry of a
 * booking this process already confirmed still goes through, so the idempotency key keeps its promise.
 * The client's rate limit is taken first: a full slot is no way around it.
 */
@Injectable()
export class SoldOutShortcut {
  constructor(
    private readonly soldOut: SoldOutSlots,
    private readonly recent: RecentBookings,
    private readonly limiter: RateLimiter,
  ) {}

  /** Null when the request goes on to the route (which takes its rate limit there); else the answer to send. */
  answer(request: FastifyRequest): Promise<ProblemAnswer> | null {
    const soldOut = this.soldOutProblem(request);
    return soldOut ? this.limited(request, soldOut) : null;
  }

  private async limited(request: FastifyRequest, soldOut: ProblemDetails): Promise<ProblemAnswer> {
    try {
      await this.limiter.take('booking', request.ip);
      return { body: soldOut };
    } catch (error) {
      const known = knownProblem(error, String(request.id));
      if (!known) throw error;
      return known;
    }
  }

  private soldOutProblem(request: FastifyRequest): ProblemDetails | null {
    if (request.method !== 'POST' || request.routeOptions.url !== BOOKINGS_ROUTE) return null;
    const body = request.body as { slotId?: unknown; doseKind?: unknown; followUpSlotId?: unknown } | undefined;
    const key = request.headers['idempotency-key'];
    if (!body || typeof body !== 'object' || (typeof key === 'string' && this.recent.has(key))) return null;
    const kind = DOSE_KINDS.includes(body.doseKind as DoseKind) ? (body.doseKind as DoseKind) : null;
    if (kind && typeof body.slotId === 'string' && this.soldOut.isFull(body.slotId, kind)) {
      return appProblem(new BookingException(BookingExceptionCode.SlotFull), String(request.id));
    }
    if (typeof body.followUpSlotId === 'string' && this.soldOut.isFull(body.followUpSlotId, 'followUp')) {
      const exception = new BookingException(BookingExceptionCode.SlotFull, 'The second appointment was just taken. Please choose another one.');
      return appProblem(exception, String(request.id));
    }
    return null;
  }
}

/** Installs the shortcut; `resolve` returns the instance once the application has been built. */
export function registerSoldOutShortcut(fastify: FastifyInstance, resolve: () => SoldOutShortcut | null): void {
  fastify.addHook('preHandler', (request, reply, done) => {
    const pending = resolve()?.answer(request);
    if (!pending) return done();
    pending.then(
      ({ body, retryAfterSeconds }) => {
        if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
        void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
