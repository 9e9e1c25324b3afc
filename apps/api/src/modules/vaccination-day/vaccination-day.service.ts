import { Injectable } from '@nestjs/common';
import type {
  DayAppointment,
  DayWarning,
  VaccinationDay,
  VaccinationDayChange,
  VaccinationDayInput,
  VaccinationDaySeries,
  VaccinationDaySeriesInput,
} from '@vaccinate/api-contracts';
import { addDays } from '@vaccinate/dose-schedule';
import type { PoolClient } from 'pg';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { DayAppointmentsRepository } from './day-appointments.repository';
import { todayIn, TimeZoneProvider } from '../../common/time-zone';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DayCalendar } from './day-calendar';
import { VaccinationDayException, VaccinationDayExceptionCode } from './vaccination-day.exception';
import { VaccinationDayRepository } from './vaccination-day.repository';

/** Staff plan days; a change never silently drops or moves a booking. */
@Injectable()
export class VaccinationDayService {
  constructor(
    private readonly days: VaccinationDayRepository,
    private readonly catalogue: CatalogueService,
    private readonly timeZone: TimeZoneProvider,
    private readonly dayAppointments: DayAppointmentsRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    private readonly calendar: DayCalendar,
  ) {}

  async create(input: VaccinationDayInput): Promise<VaccinationDay> {
    await this.catalogue.getSite(input.siteId);
    this.assertPlannable(input);
    const id = await this.days.create(input, this.timeZone.zone);
    if (!id) throw lotUnavailable();
    return this.get(id);
  }

  /** A recurring day: every day of the series is checked and created as a single day, all in one transaction. */
  async createSeries(series: VaccinationDaySeriesInput): Promise<VaccinationDaySeries> {
    const site = await this.catalogue.getSite(series.day.siteId);
    const inputs = Array.from({ length: series.occurrences }, (_, i) => ({ ...series.day, date: addDays(series.firstDate, i * 7 * series.everyWeeks) }));
    for (const input of inputs) this.assertPlannable(input);
    const ids = await this.days.createSeries(inputs, this.timeZone.zone);
    if (!ids) throw lotUnavailable();
    const days = await Promise.all(ids.map((id) => this.get(id)));
    return {
      days: days.map(({ slots: _slots, ...day }) => day),
      warnings: this.calendar.warnings(
        site.openingHours,
        inputs.map((input) => input.date),
      ),
    };
  }

  /** Closed days and public holidays of a site between two dates, for the planner's calendar. */
  async calendarWarnings(siteId: string, from: string, to: string): Promise<DayWarning[]> {
    const site = await this.catalogue.getSite(siteId);
    const dates: string[] = [];
    for (let date = from; date <= to && dates.length < 62; date = addDays(date, 1)) dates.push(date);
    return this.calendar.warnings(site.openingHours, dates);
  }

  private assertPlannable(input: VaccinationDayInput): void {
    if (input.date < todayIn(this.timeZone.zone)) {
      throw new VaccinationDayException(VaccinationDayExceptionCode.InPast, 400, 'Date in the past', 'Choose today or a later date.', [
        { field: 'date', message: 'must be today or later' },
      ]);
    }
    if (input.closesAt <= input.opensAt) {
      throw new VaccinationDayException(VaccinationDayExceptionCode.InvalidHours, 400, 'Closing before opening', 'The day must close after it opens.', [
        { field: 'closesAt', message: 'must be after opensAt' },
      ]);
    }
    assertDistinctLots(input.lots);
  }

  async get(id: string): Promise<VaccinationDay> {
    const day = await this.days.find(id);
    if (!day) throw VaccinationDayException.notFound();
    return day;
  }

  /** The day's appointments with names; every person shown is an audited read. */
  async appointments(id: string): Promise<DayAppointment[]> {
    await this.get(id);
    const appointments = await this.dayAppointments.forDay(id);
    await this.audit.record(this.sql, 'person', 'list', [...new Set(appointments.map((a) => a.personId))]);
    return appointments.map(({ personId: _person, ...appointment }) => appointment);
  }

  list(from?: string): Promise<Omit<VaccinationDay, 'slots'>[]> {
    return this.days.list(from ?? todayIn(this.timeZone.zone));
  }

  async change(id: string, change: VaccinationDayChange): Promise<VaccinationDay> {
    if (change.lots) assertDistinctLots(change.lots);
    await this.days.transaction(async (client) => {
      const day = await this.days.lockForChange(client, id);
      if (!day) throw VaccinationDayException.notFound();
      if (day.version !== change.version) {
        throw new VaccinationDayException(VaccinationDayExceptionCode.VersionConflict, 409, 'Changed by someone else', 'Reload the day and apply your change again.');
      }
      if (day.status === 'cancelled') throw cancelled();
      const dosesBooked = await this.days.lockSlots(client, id);
      if (change.capacityPerSlot) {
        const blocked = await this.days.changeCapacity(client, id, change.capacityPerSlot);
        if (blocked) {
          const kinds = Object.entries(blocked)
            .filter(([, slots]) => slots > 0)
            .map(([kind, slots]) => `${kind}: ${slots} slot(s)`);
          throw new VaccinationDayException(
            VaccinationDayExceptionCode.CapacityBelowBooked,
            409,
            'Capacity below bookings',
            `Some slots already have more bookings than the new capacity (${kinds.join(', ')}). Nothing was changed; move or cancel those bookings first.`,
            [{ field: 'capacityPerSlot', message: 'is below what is already booked' }],
          );
        }
      }
      if (change.lots) {
        const newCap = change.lots.reduce((sum, lot) => sum + lot.doses, 0);
        if (newCap < dosesBooked) {
          throw new VaccinationDayException(
            VaccinationDayExceptionCode.DosesBelowBooked,
            409,
            'Fewer doses than bookings',
            `${dosesBooked} doses are booked on this day; the lots must hold at least that many. Nothing was changed.`,
            [{ field: 'lots', message: `must hold at least ${dosesBooked} doses` }],
          );
        }
        if (!(await this.days.replaceLots(client, id, day.date, change.lots))) throw lotUnavailable();
      }
      await this.days.finishChange(client, id);
    });
    return this.get(id);
  }

  /** Cancels the day; `cancelBookings` cancels its bookings in the same transaction and returns how many it touched. */
  async cancel(id: string, cancelBookings: (client: PoolClient, dayId: string) => Promise<number>): Promise<{ day: VaccinationDay; bookingsNotified: number }> {
    const bookingsNotified = await this.days.transaction(async (client) => {
      const day = await this.days.lockForChange(client, id);
      if (!day) throw VaccinationDayException.notFound();
      if (day.status === 'cancelled') throw cancelled();
      const touched = await cancelBookings(client, id);
      await this.days.markCancelled(client, id);
      return touched;
    });
    return { day: await this.get(id), bookingsNotified };
  }
}

function assertDistinctLots(lots: { lotId: string }[]): void {
  if (new Set(lots.map((lot) => lot.lotId)).size !== lots.length) {
    throw new VaccinationDayException(VaccinationDayExceptionCode.LotUnavailable, 400, 'Lot listed twice', 'List each lot once.', [
      { field: 'lots', message: 'must list each lot once' },
    ]);
  }
}

function lotUnavailable(): VaccinationDayException {
  return new VaccinationDayException(
    VaccinationDayExceptionCode.LotUnavailable,
    409,
    'Not enough doses in stock',
    'A lot is unknown, expires before the day, or has fewer unassigned doses than asked for.',
    [{ field: 'lots', message: 'cannot give these doses' }],
  );
}

function cancelled(): VaccinationDayException {
  return new VaccinationDayException(VaccinationDayExceptionCode.Cancelled, 409, 'Day cancelled', 'This day was cancelled and cannot change.');
}
