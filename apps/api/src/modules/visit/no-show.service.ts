import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { bookingMail } from '../booking/booking-mail';
import type { BookingView } from '../booking/booking-view';
import { BookingViewRepository } from '../booking/booking-view.repository';
import { BookingRepository } from '../booking/booking.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { VisitRepository } from './visit.repository';

const REASON = 'You did not come to your appointment, so it and the appointments after it were released. You are welcome to book again.';

/**
 * People who did not come: their place and dose go back to the day (candidates for standby offers),
 * their later appointments of the series are released too, and they are told they can book again.
 */
@Injectable()
export class NoShowService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly bookings: BookingRepository,
    private readonly bookingViews: BookingViewRepository,
    private readonly outbox: OutboxRepository,
    private readonly notifications: AvailabilityNotifications,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Marks the named appointments, or (none named) every appointment whose slot ended without a check-in. */
  async mark(dayId: string, appointmentIds: string[] | null): Promise<{ noShows: number; dosesFreed: number }> {
    if (!(await this.visits.dayWindow(dayId))) throw VaccinationDayException.notFound();
    const { noShows, changes, dosesFreed } = await this.sql.transaction(async (client) => {
      const candidates = await this.visits.noShowCandidates(client, dayId, appointmentIds);
      const changes: string[] = [];
      let dosesFreed = 0;
      for (const candidate of candidates) {
        await this.visits.markNoShow(client, dayId, candidate.appointmentId, candidate.personId);
        const released = await this.bookings.cancelAppointments(client, candidate.bookingId, { fromAppointmentId: candidate.appointmentId });
        changes.push(...released.changes);
        dosesFreed += released.dosesFreed;
        const view = (await this.bookingViews.byId(candidate.bookingId, client)) as BookingView;
        await this.outbox.enqueue(client, bookingMail(released.bookingCancelled ? 'booking-cancelled' : 'booking-changed', view, this.config.publicUrl, REASON));
      }
      await this.audit.record(client, 'person', 'no_show', [...new Set(candidates.map((candidate) => candidate.personId))]);
      return { noShows: candidates.length, changes, dosesFreed };
    });
    this.notifications.publish(changes);
    if (noShows > 0) this.notifications.publishBoardChange(dayId);
    return { noShows, dosesFreed };
  }
}
