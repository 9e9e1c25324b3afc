import { Inject, Injectable } from '@nestjs/common';
import type { ManagedBooking } from '@vaccinate/api-contracts';
import { followUpWindow, isWithin } from '@vaccinate/dose-schedule';
import type { PoolClient } from 'pg';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { dateIn } from '../../common/time-zone';
import { Sql } from '../../database/sql';
import { CatalogueService } from '../catalogue/catalogue.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { hashManageToken } from './booking-code';
import { AvailabilityNotifications } from './availability-notifications';
import { bookingMail } from './booking-mail';
import type { BookingView } from './booking-view';
import { BookingViewRepository } from './booking-view.repository';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { BookingRepository, ReservationRefused } from './booking.repository';
import { SlotDirectory } from './slot-directory';

/** Cancelling and moving bookings: by the person (manage link) or because staff cancelled a day. Every change is mailed. */
@Injectable()
export class BookingChangeService {
  constructor(
    private readonly sql: Sql,
    private readonly bookings: BookingRepository,
    private readonly views: BookingViewRepository,
    private readonly outbox: OutboxRepository,
    private readonly catalogue: CatalogueService,
    private readonly slots: SlotDirectory,
    private readonly notifications: AvailabilityNotifications,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  cancel(token: string): Promise<ManagedBooking> {
    return this.changeByToken(token, async (client, view) => {
      const ids = view.appointments.filter((a) => a.status === 'booked').map((a) => a.id);
      const { changes } = await this.bookings.cancelAppointments(client, view.id, { ids });
      return { template: 'booking-cancelled', changes };
    });
  }

  rebook(token: string, appointmentId: string, slotId: string): Promise<ManagedBooking> {
    return this.changeByToken(token, async (client, view) => {
      const appointment = view.appointments.find((a) => a.id === appointmentId && a.status === 'booked');
      if (!appointment) throw new BookingException(BookingExceptionCode.AppointmentNotFound);
      if (new Date(appointment.startsAt) <= new Date()) throw new BookingException(BookingExceptionCode.TooLateToChange);
      await this.assertIntervalsHold(view, appointment.id, slotId);
      const move = { appointmentId: appointment.id, productId: view.product.id, toSlotId: slotId, kind: appointment.doseKind, doseNumber: appointment.doseNumber };
      try {
        return { template: 'booking-changed', changes: await this.bookings.moveAppointment(client, move) };
      } catch (error) {
        if (error instanceof ReservationRefused) throw new BookingException(BookingExceptionCode.SlotFull);
        throw error;
      }
    });
  }

  /**
   * Staff cancelled a day: a booking whose first booked dose was that day is cancelled whole;
   * a booking that only had a later dose that day loses that appointment and is told to pick another.
   */
  async cancelForDay(client: PoolClient, dayId: string): Promise<number> {
    const byBooking = await this.bookings.bookedAppointmentsOnDay(client, dayId);
    for (const [bookingId, appointmentIds] of byBooking) {
      const view = await this.views.byId(bookingId, client, true);
      if (!view) continue;
      const booked = view.appointments.filter((a) => a.status === 'booked');
      const firstBookedCancelled = booked[0] && appointmentIds.includes(booked[0].id);
      const ids = firstBookedCancelled ? booked.map((a) => a.id) : appointmentIds;
      await this.bookings.cancelAppointments(client, bookingId, { ids });
      const after = await this.views.byId(bookingId, client);
      if (after) {
        const reason = 'The vaccination day was cancelled by the company medical service.';
        await this.outbox.enqueue(client, bookingMail(firstBookedCancelled ? 'booking-cancelled' : 'booking-changed', after, this.config.publicUrl, reason));
      }
    }
    return byBooking.size;
  }

  private async changeByToken(
    token: string,
    change: (client: PoolClient, view: BookingView) => Promise<{ template: 'booking-cancelled' | 'booking-changed'; changes: string[] }>,
  ): Promise<ManagedBooking> {
    const hash = token.length <= 100 ? hashManageToken(token) : '';
    const found = hash ? await this.views.byManageTokenHash(hash) : null;
    if (!found) throw new BookingException(BookingExceptionCode.NotFound);
    const { view, changes } = await this.sql.transaction(async (client) => {
      const locked = await this.views.byId(found.id, client, true);
      if (!locked) throw new BookingException(BookingExceptionCode.NotFound);
      if (locked.status === 'cancelled') throw new BookingException(BookingExceptionCode.Cancelled);
      const outcome = await change(client, locked);
      const after = (await this.views.byId(locked.id, client)) as BookingView;
      await this.outbox.enqueue(client, bookingMail(outcome.template, after, this.config.publicUrl));
      return { view: after, changes: outcome.changes };
    });
    this.notifications.publish(changes);
    return {
      bookingCode: view.code,
      status: view.status,
      product: view.product,
      givenName: view.person.givenName,
      locale: view.locale,
      appointments: view.appointments.map(({ slotId: _slot, ...appointment }) => appointment),
    };
  }

  /** A moved dose must keep the product's intervals with the doses before and after it. */
  private async assertIntervalsHold(view: BookingView, appointmentId: string, slotId: string): Promise<void> {
    const place = (await this.slots.get([slotId])).get(slotId);
    if (!place) throw new BookingException(BookingExceptionCode.SlotNotFound);
    const product = await this.catalogue.product(view.product.id);
    const booked = view.appointments.filter((a) => a.status === 'booked');
    const index = booked.findIndex((a) => a.id === appointmentId);
    const localDate = (iso: string) => dateIn(this.config.timeZone, new Date(iso));
    const previous = booked[index - 1];
    const next = booked[index + 1];
    const moving = booked[index];
    if (previous && moving && moving.doseNumber <= product.primaryDoses) {
      const window = followUpWindow(product, moving.doseNumber, localDate(previous.startsAt));
      if (!isWithin(window, place.localDate)) {
        throw new BookingException(BookingExceptionCode.FollowUpOutOfWindow, `This dose must be given between ${window.earliest} and ${window.latest}.`);
      }
    }
    if (next && next.doseNumber <= product.primaryDoses) {
      const window = followUpWindow(product, next.doseNumber, place.localDate);
      if (!isWithin(window, localDate(next.startsAt))) {
        throw new BookingException(
          BookingExceptionCode.FollowUpOutOfWindow,
          `Your next dose on ${localDate(next.startsAt)} would be outside the interval. Move that appointment first, or choose a date that keeps it between ${window.earliest} and ${window.latest}.`,
        );
      }
    }
  }
}
