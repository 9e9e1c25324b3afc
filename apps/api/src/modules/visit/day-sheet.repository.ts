import { Injectable } from '@nestjs/common';
import type { BoardCounters, DayReport, WasteReason } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';

/** Which day a board or report is about. */
export interface DayHead {
  date: string;
  siteId: string;
  siteName: string;
}

/** The day's figures as the report states them, without its head. */
export type DayFigures = Pick<DayReport, 'booked' | 'noShows' | 'walkIns' | 'cancelled' | 'vaccinated' | 'waste' | 'dosesLeft'>;

/** The read-only SQL of a day's board and report: no personal data is read here. */
@Injectable()
export class DaySheetRepository {
  constructor(private readonly sql: Sql) {}

  async head(dayId: string): Promise<DayHead | null> {
    const { rows } = await this.sql.query<{ date: string; site_id: string; site_name: string }>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, d.site_id, s.name AS site_name FROM vaccination_day d JOIN site s ON s.id = d.site_id WHERE d.id = $1`,
      [dayId],
    );
    const row = rows[0];
    return row ? { date: row.date, siteId: row.site_id, siteName: row.site_name } : null;
  }

  /** The lots assigned to the day with the doses each has left, soonest expiry first. */
  async lots(dayId: string): Promise<BoardCounters['lots']> {
    const { rows } = await this.sql.query<{ lot_id: string; lot_number: string; product_id: string; expiry_date: string; doses_left: number }>(
      `SELECT l.id AS lot_id, l.lot_number, l.product_id, to_char(l.expiry_date, 'YYYY-MM-DD') AS expiry_date,
              l.doses_received - l.doses_used - l.doses_wasted AS doses_left
         FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = $1 ORDER BY l.expiry_date, l.lot_number`,
      [dayId],
    );
    return rows.map((row) => ({
      lotId: row.lot_id,
      lotNumber: row.lot_number,
      productId: row.product_id,
      expiryDate: row.expiry_date,
      dosesLeft: row.doses_left,
    }));
  }

  async figures(dayId: string): Promise<DayFigures> {
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
      booked: count.booked,
      vaccinated: vaccinated.rows.map((row) => ({ productName: row.product_name, doseNumber: row.dose_number, count: row.count })),
      noShows: count.no_shows,
      walkIns: count.walk_ins,
      cancelled: count.cancelled,
      waste: waste.rows.map((row) => ({ lotNumber: row.lot_number, doses: row.doses, reason: row.reason })),
      dosesLeft: left.rows.map((row) => ({ lotNumber: row.lot_number, productName: row.product_name, dosesLeft: row.doses_left })),
    };
  }
}
