import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../database/sql';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { VisitException, VisitExceptionCode } from './visit.exception';
import { VisitRepository } from './visit.repository';

/** Hours before the first slot and after the last one in which a day counts as running (early set-up, late paperwork). */
const MARGIN_MS = 12 * 60 * 60 * 1000;

/** Check-in, documentation and check-out happen while the day runs, not on a day in the past or the future. */
@Injectable()
export class RunningDay {
  constructor(private readonly visits: VisitRepository) {}

  async assert(dayId: string, client?: SqlClient, now = new Date()): Promise<{ siteId: string; date: string }> {
    const day = await this.visits.dayWindow(dayId, client);
    if (!day) throw VaccinationDayException.notFound();
    const running =
      day.status === 'scheduled' &&
      day.firstStart !== null &&
      day.lastEnd !== null &&
      now.getTime() >= day.firstStart.getTime() - MARGIN_MS &&
      now.getTime() <= day.lastEnd.getTime() + MARGIN_MS;
    if (!running) throw new VisitException(VisitExceptionCode.DayNotRunning);
    return { siteId: day.siteId, date: day.date };
  }
}
