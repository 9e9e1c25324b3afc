import { Inject, Injectable } from '@nestjs/common';
import type { CheckOutPlan, CheckOutRequest, VisitDetail } from '@vaccinate/api-contracts';
import { isWithin, nextDoseAfter, type DateWindow } from '@vaccinate/dose-schedule';
import type { PoolClient } from 'pg';
import { dateIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { visitSummaryMail } from '../booking/booking-mail';
import type { BookingView } from '../booking/booking-view';
import { BookingViewRepository } from '../booking/booking-view.repository';
import { BookingRepository, ReservationRefused, type AppointmentMove } from '../booking/booking.repository';
import { SlotDirectory } from '../booking/slot-directory';
import { CatalogueService } from '../catalogue/catalogue.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { VisitException, VisitExceptionCode } from './visit.exception';
import { VisitRepository, type VisitRow } from './visit.repository';
import { VisitService } from './visit.service';

type NextDose = NonNullable<CheckOutPlan['nextDose']>;

/** Check-out: the next dose is confirmed, moved or booked inside the product's interval, and the person is mailed. */
@Injectable()
export class CheckOutService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly visitDetails: VisitService,
    private readonly vaccinations: VaccinationRepository,
    private readonly bookings: BookingRepository,
    private readonly bookingViews: BookingViewRepository,
    private readonly catalogue: CatalogueService,
    private readonly slots: SlotDirectory,
    private readonly outbox: OutboxRepository,
    private readonly notifications: AvailabilityNotifications,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async plan(visitId: string): Promise<CheckOutPlan> {
    const visit = await this.visits.byId(visitId);
    if (!visit) throw new VisitException(VisitExceptionCode.NotFound);
    return { visitId, nextDose: await this.nextDose(visit) };
  }

  /** Before the observation period ends only with a reason, stored encrypted and audited as an early check-out. */
  async checkOut(visitId: string, request: CheckOutRequest, now = new Date()): Promise<VisitDetail> {
    let dayId = '';
    const changes = await this.sql.transaction(async (client) => {
      const visit = await this.visits.byId(visitId, client, true);
      if (!visit) throw new VisitException(VisitExceptionCode.NotFound);
      if (visit.version !== request.version) throw new VisitException(VisitExceptionCode.VersionConflict);
      dayId = visit.dayId;
      if (visit.state !== 'observation') {
        throw new VisitException(visit.state === 'done' ? VisitExceptionCode.WrongState : VisitExceptionCode.NotVaccinated);
      }
      const earlyReason = request.earlyReason?.trim() || null;
      const early = visit.observationUntil !== null && visit.observationUntil.getTime() > now.getTime();
      if (early && !earlyReason) throw new VisitException(VisitExceptionCode.ObservationRunning);
      const next = await this.nextDose(visit, client);
      const changes = next ? await this.followUp(client, visit, next, request.followUp) : [];
      await this.visits.setState(client, visit.id, 'done', { checkedOut: true, ...(early && earlyReason ? { earlyCheckOutReason: earlyReason } : {}) });
      await this.audit.record(client, 'person', early ? 'early_check_out' : 'check_out', [visit.personId]);
      // A walk-in, or a next dose booked or moved here: one mail with what was done and what comes next.
      if (changes.length > 0 || visit.walkIn) {
        const view = (await this.bookingViews.byId(visit.bookingId, client)) as BookingView;
        await this.outbox.enqueue(client, visitSummaryMail(view, this.config.publicUrl, visit.appointmentId));
      }
      return changes;
    });
    this.notifications.publish(changes);
    this.notifications.publishBoardChange(dayId);
    return this.visitDetails.detail(visitId);
  }

  private async followUp(client: PoolClient, visit: VisitRow, next: NextDose, followUp: CheckOutRequest['followUp']): Promise<string[]> {
    const reserved = next.reserved;
    const kind = next.doseKind;
    switch (followUp.action) {
      case 'none':
        return [];
      case 'confirm': {
        if (!reserved) throw new VisitException(VisitExceptionCode.WrongState, 'No next appointment is reserved; book one.');
        if (!isWithin(next.window, dateIn(this.config.timeZone, new Date(reserved.startsAt)))) throw outOfWindow(next.window);
        return [];
      }
      case 'move': {
        if (!reserved) throw new VisitException(VisitExceptionCode.WrongState, 'No next appointment is reserved; book one.');
        await this.assertInWindow(followUp.slotId, next.window);
        const move = { appointmentId: reserved.appointmentId, productId: visit.productId, toSlotId: followUp.slotId, kind, doseNumber: next.doseNumber };
        return this.move(client, move);
      }
      case 'book': {
        if (reserved) throw new VisitException(VisitExceptionCode.WrongState, 'A next appointment is reserved already; confirm or move it.');
        await this.assertInWindow(followUp.slotId, next.window);
        const dose = { slotId: followUp.slotId, kind, doseNumber: next.doseNumber };
        try {
          return [await this.bookings.addAppointment(client, visit.bookingId, visit.productId, dose)];
        } catch (error) {
          if (error instanceof ReservationRefused) throw new VisitException(VisitExceptionCode.SlotFull);
          throw error;
        }
      }
    }
  }

  private async move(client: PoolClient, move: AppointmentMove): Promise<string[]> {
    try {
      return await this.bookings.moveAppointment(client, move);
    } catch (error) {
      if (error instanceof ReservationRefused) throw new VisitException(VisitExceptionCode.SlotFull);
      throw error;
    }
  }

  private async assertInWindow(slotId: string, window: DateWindow): Promise<void> {
    const place = (await this.slots.get([slotId])).get(slotId);
    if (!place) throw new VisitException(VisitExceptionCode.SlotFull, 'That slot does not exist.');
    if (!isWithin(window, place.localDate)) throw outOfWindow(window);
  }

  private async nextDose(visit: VisitRow, client?: PoolClient): Promise<NextDose | null> {
    const vaccination = await this.vaccinations.validForVisit(visit.id, client);
    if (!vaccination) throw new VisitException(VisitExceptionCode.NotVaccinated);
    const product = await this.catalogue.product(visit.productId);
    const next = nextDoseAfter(product, { doseNumber: vaccination.doseNumber, date: dateIn(this.config.timeZone, new Date(vaccination.administeredAt)) });
    if (!next) return null;
    const reserved = await this.bookings.nextBookedAppointment(client ?? this.sql, visit.bookingId, visit.appointmentId);
    return { doseNumber: next.doseNumber, doseKind: next.kind, window: next.window, reserved };
  }
}

function outOfWindow(window: DateWindow): VisitException {
  return new VisitException(VisitExceptionCode.FollowUpOutOfWindow, `The next dose must be given between ${window.earliest} and ${window.latest}.`);
}
