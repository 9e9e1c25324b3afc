import { Injectable } from '@nestjs/common';
import type { BoardCounters, BoardEntry, DayBoard } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { VisitRepository } from './visit.repository';

/** The day board: who is where, live counters, doses left. Reading it reads names, so each person on it is audited. */
@Injectable()
export class BoardService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly sql: Sql,
    private readonly audit: AuditService,
  ) {}

  async board(dayId: string): Promise<DayBoard> {
    const { rows } = await this.sql.query<{ date: string; site_id: string; site_name: string }>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, d.site_id, s.name AS site_name FROM vaccination_day d JOIN site s ON s.id = d.site_id WHERE d.id = $1`,
      [dayId],
    );
    const day = rows[0];
    if (!day) throw VaccinationDayException.notFound();
    const entries = await this.visits.board(dayId);
    await this.audit.record(this.sql, 'person', 'list', [...new Set(entries.map((entry) => entry.personId))]);
    return { dayId, date: day.date, siteId: day.site_id, siteName: day.site_name, entries, counters: await this.counters(dayId, entries) };
  }

  private async counters(dayId: string, entries: BoardEntry[]): Promise<BoardCounters> {
    const { rows } = await this.sql.query<{ lot_id: string; lot_number: string; product_id: string; expiry_date: string; doses_left: number }>(
      `SELECT l.id AS lot_id, l.lot_number, l.product_id, to_char(l.expiry_date, 'YYYY-MM-DD') AS expiry_date,
              l.doses_received - l.doses_used - l.doses_wasted AS doses_left
         FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = $1 ORDER BY l.expiry_date, l.lot_number`,
      [dayId],
    );
    const count = (predicate: (entry: BoardEntry) => boolean) => entries.filter(predicate).length;
    return {
      booked: count((entry) => entry.state !== 'cancelled' || entry.visitId !== null),
      arrived: count((entry) => entry.checkedInAt !== null),
      vaccinated: count((entry) => entry.vaccinationId !== null),
      noShows: count((entry) => entry.state === 'no_show'),
      walkIns: count((entry) => entry.walkIn),
      lots: rows.map((row) => ({
        lotId: row.lot_id,
        lotNumber: row.lot_number,
        productId: row.product_id,
        expiryDate: row.expiry_date,
        dosesLeft: row.doses_left,
      })),
    };
  }
}
