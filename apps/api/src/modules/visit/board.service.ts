import { Injectable } from '@nestjs/common';
import type { BoardCounters, BoardEntry, DayBoard } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { DaySheetRepository } from './day-sheet.repository';
import { VisitRepository } from './visit.repository';

/** The day board: who is where, live counters, doses left. Reading it reads names, so each person on it is audited. */
@Injectable()
export class BoardService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly days: DaySheetRepository,
    private readonly sql: Sql,
    private readonly audit: AuditService,
  ) {}

  async board(dayId: string): Promise<DayBoard> {
    const day = await this.days.head(dayId);
    if (!day) throw VaccinationDayException.notFound();
    const entries = await this.visits.board(dayId);
    await this.audit.record(this.sql, 'person', 'list', [...new Set(entries.map((entry) => entry.personId))]);
    return { dayId, date: day.date, siteId: day.siteId, siteName: day.siteName, entries, counters: await this.counters(dayId, entries) };
  }

  private async counters(dayId: string, entries: BoardEntry[]): Promise<BoardCounters> {
    const lots = await this.days.lots(dayId);
    const count = (predicate: (entry: BoardEntry) => boolean) => entries.filter(predicate).length;
    return {
      booked: count((entry) => entry.state !== 'cancelled' || entry.visitId !== null),
      arrived: count((entry) => entry.checkedInAt !== null),
      vaccinated: count((entry) => entry.vaccinationId !== null),
      noShows: count((entry) => entry.state === 'no_show'),
      walkIns: count((entry) => entry.walkIn),
      lots,
    };
  }
}
