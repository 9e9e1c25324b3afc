import { Injectable } from '@nestjs/common';
import type { AvailableDay, DoseKind } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { SLOT_COLUMNS } from './dose-kind-columns';

export interface AvailabilitySearch {
  productId: string;
  doseKind: DoseKind;
  siteId: string | null;
  fromDate: string;
  toDate: string;
}

interface Row {
  day_id: string;
  date: string;
  site_id: string;
  slot_id: string;
  starts_at: Date;
  ends_at: Date;
  free: number;
}

/** Reads free capacity: slots of scheduled days that hold a lot of the product, never past ones. */
@Injectable()
export class AvailabilityRepository {
  constructor(private readonly sql: Sql) {}

  async find(query: AvailabilitySearch): Promise<AvailableDay[]> {
    const { capacity, booked } = SLOT_COLUMNS[query.doseKind];
    const { rows } = await this.sql.query<Row>(
      `SELECT d.id AS day_id, to_char(d.date, 'YYYY-MM-DD') AS date, d.site_id, s.id AS slot_id, s.starts_at, s.ends_at,
              GREATEST(CASE WHEN d.doses_cap_binding THEN LEAST(s.${capacity} - s.${booked}, d.doses_cap - d.doses_booked)
                            ELSE s.${capacity} - s.${booked} END, 0) AS free
         FROM vaccination_day d
         JOIN slot s ON s.day_id = d.id
        WHERE d.status = 'scheduled' AND d.date BETWEEN $2 AND $3
          AND ($4::uuid IS NULL OR d.site_id = $4)
          AND s.${capacity} > 0 AND s.starts_at > now()
          AND EXISTS (SELECT 1 FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id
                       WHERE dl.day_id = d.id AND l.product_id = $1)
        ORDER BY s.starts_at`,
      [query.productId, query.fromDate, query.toDate, query.siteId],
    );
    const days = new Map<string, AvailableDay>();
    for (const row of rows) {
      const day = days.get(row.day_id) ?? { dayId: row.day_id, date: row.date, siteId: row.site_id, slots: [] };
      day.slots.push({ slotId: row.slot_id, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), free: row.free });
      days.set(row.day_id, day);
    }
    return [...days.values()];
  }
}
