import { Injectable } from '@nestjs/common';
import type { DayReport, WasteReason } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { toCsv } from '../../common/csv';

/** The day in numbers, per site: no personal data, so no audit; for the day sheet and the CSV export. */
@Injectable()
export class DayReportService {
  constructor(private readonly sql: Sql) {}

  async report(dayId: string): Promise<DayReport> {
    const day = await this.sql.query<{ date: string; site_name: string }>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, s.name AS site_name FROM vaccination_day d JOIN site s ON s.id = d.site_id WHERE d.id = $1`,
      [dayId],
    );
    const head = day.rows[0];
    if (!head) throw VaccinationDayException.notFound();
    const [counts, vaccinated, waste, left] = await Promise.all([
      this.sql.query<{ booked: number; no_shows: number; walk_ins: number; cancelled: number }>(
        `SELECT count(*) FILTER (WHERE a.status = 'booked' OR v.id IS NOT NULL)::int AS booked,
                count(*) FILTER (WHERE v.state = 'no_show')::int AS no_shows,
                count(*) FILTER (WHERE v.walk_in)::int AS walk_ins,
                count(*) FILTER (WHERE a.status = 'cancelled' AND v.id IS NULL)::int AS cancelled
           FROM appointment a JOIN slot s ON s.id = a.slot_id LEFT JOIN visit v ON v.appointment_id = a.id
          WHERE s.day_id = $1`,
        [dayId],
      ),
      this.sql.query<{ product_name: string; dose_number: number; count: number }>(
        `SELECT p.name AS product_name, vac.dose_number, count(*)::int AS count
           FROM vaccination vac JOIN visit v ON v.id = vac.visit_id JOIN vaccine_product p ON p.id = vac.product_id
          WHERE v.day_id = $1 AND vac.status = 'valid'
          GROUP BY p.name, vac.dose_number ORDER BY p.name, vac.dose_number`,
        [dayId],
      ),
      this.sql.query<{ lot_number: string; doses: number; reason: WasteReason }>(
        `SELECT l.lot_number, sum(w.doses)::int AS doses, w.reason FROM lot_waste w JOIN lot l ON l.id = w.lot_id
          WHERE w.day_id = $1 GROUP BY l.lot_number, w.reason ORDER BY l.lot_number, w.reason`,
        [dayId],
      ),
      this.sql.query<{ lot_number: string; product_name: string; doses_left: number }>(
        `SELECT l.lot_number, p.name AS product_name, l.doses_received - l.doses_used - l.doses_wasted AS doses_left
           FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id JOIN vaccine_product p ON p.id = l.product_id
          WHERE dl.day_id = $1 ORDER BY p.name, l.lot_number`,
        [dayId],
      ),
    ]);
    const count = counts.rows[0] ?? { booked: 0, no_shows: 0, walk_ins: 0, cancelled: 0 };
    return {
      dayId,
      date: head.date,
      siteName: head.site_name,
      booked: count.booked,
      vaccinated: vaccinated.rows.map((row) => ({ productName: row.product_name, doseNumber: row.dose_number, count: row.count })),
      noShows: count.no_shows,
      walkIns: count.walk_ins,
      cancelled: count.cancelled,
      waste: waste.rows.map((row) => ({ lotNumber: row.lot_number, doses: row.doses, reason: row.reason })),
      dosesLeft: left.rows.map((row) => ({ lotNumber: row.lot_number, productName: row.product_name, dosesLeft: row.doses_left })),
    };
  }

  /** One line per figure: `section,item,dose,value`, so a spreadsheet can pivot it. */
  async csv(dayId: string): Promise<string> {
    const report = await this.report(dayId);
    return toCsv([
      ['section', 'item', 'dose', 'value'],
      ['day', report.siteName, '', report.date],
      ['appointments', 'booked', '', report.booked],
      ['appointments', 'no-shows', '', report.noShows],
      ['appointments', 'walk-ins', '', report.walkIns],
      ['appointments', 'cancelled', '', report.cancelled],
      ...report.vaccinated.map((row) => ['vaccinated', row.productName, row.doseNumber, row.count]),
      ...report.waste.map((row) => ['waste', `${row.lotNumber} (${row.reason})`, '', row.doses]),
      ...report.dosesLeft.map((row) => ['doses left', `${row.productName} ${row.lotNumber}`, '', row.dosesLeft]),
    ]);
  }
}
