import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';

/** What never changes about a slot: its day, site, local date and times. */
export interface SlotPlace {
  slotId: string;
  dayId: string;
  siteId: string;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
  site: { id: string; name: string; street: string; postalCode: string; city: string };
}

interface SlotPlaceRow {
  id: string;
  day_id: string;
  site_id: string;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
  name: string;
  street: string;
  postal_code: string;
  city: string;
}

/** Reads slot places; the slot directory keeps them. */
@Injectable()
export class SlotPlaceRepository {
  constructor(private readonly sql: Sql) {}

  /** The places of the slots named that exist, with each slot's date in `timeZone`. */
  async find(slotIds: string[], timeZone: string): Promise<SlotPlace[]> {
    const { rows } = await this.sql.query<SlotPlaceRow>(
      `SELECT s.id, s.day_id, d.site_id, to_char(s.starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS local_date,
              s.starts_at, s.ends_at, si.name, si.street, si.postal_code, si.city
         FROM slot s JOIN vaccination_day d ON d.id = s.day_id JOIN site si ON si.id = d.site_id
        WHERE s.id = ANY($1::uuid[])`,
      [slotIds, timeZone],
    );
    return rows.map((row) => ({
      slotId: row.id,
      dayId: row.day_id,
      siteId: row.site_id,
      localDate: row.local_date,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      site: { id: row.site_id, name: row.name, street: row.street, postalCode: row.postal_code, city: row.city },
    }));
  }
}
