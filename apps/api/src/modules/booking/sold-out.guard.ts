import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DOSE_KINDS, type DoseKind } from '@vaccinate/api-contracts';
import type { FastifyRequest } from 'fastify';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { RecentBookings } from './recent-bookings';
import { SoldOutSlots } from './sold-out-slots';

/**
 * During a sell-out nearly every attempt is for a full slot. This answers those before the body
 * is validated or the database is asked: a retry of a booking this process already confirmed
 * still goes through, so the idempotency key keeps its promise.
 */
@Injectable()
export class SoldOutGuard implements CanActivate {
  constructor(
    private readonly soldOut: SoldOutSlots,
    private readonly recent: RecentBookings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = request.body as { slotId?: unknown; doseKind?: unknown; followUpSlotId?: unknown } | undefined;
    const key = request.headers['idempotency-key'];
    if (!body || (typeof key === 'string' && this.recent.has(key))) return true;
    const kind = DOSE_KINDS.includes(body.doseKind as DoseKind) ? (body.doseKind as DoseKind) : null;
    if (kind && typeof body.slotId === 'string' && this.soldOut.isFull(body.slotId, kind)) {
      throw new BookingException(BookingExceptionCode.SlotFull);
    }
    if (typeof body.followUpSlotId === 'string' && this.soldOut.isFull(body.followUpSlotId, 'followUp')) {
      throw new BookingException(BookingExceptionCode.SlotFull, 'The second appointment was just taken. Please choose another one.');
    }
    return true;
  }
}
