import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
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

const MAX_ENTRIES = 50_000;

/** Slot places, read once and kept: the booking path needs them on every request. */
@Injectable()
export class SlotDirectory {
  private readonly places = new Map<string, SlotPlace>();

  constructor(
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async get(slotIds: string[]): Promise<Map<string, SlotPlace>> {
    const missing = slotIds.filter((id) => !this.places.has(id));
    if (missing.length > 0) {
      const { rows } = await this.sql.query<{
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
      }>(
        `SELECT s.id, s.day_id, d.site_id, to_char(s.starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS local_date,
                s.starts_at, s.ends_at, si.name, si.street, si.postal_code, si.city
           FROM slot s JOIN vaccination_day d ON d.id = s.day_id JOIN site si ON si.id = d.site_id
          WHERE s.id = ANY($1::uuid[])`,
        [missing, this.config.timeZone],
      );
      if (this.places.size + rows.length > MAX_ENTRIES) this.places.clear();
      for (const row of rows) {
        this.places.set(row.id, {
          slotId: row.id,
          dayId: row.day_id,
          siteId: row.site_id,
          localDate: row.local_date,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          site: { id: row.site_id, name: row.name, street: row.street, postalCode: row.postal_code, city: row.city },
        });
      }
    }
    return new Map(slotIds.flatMap((id) => (this.places.has(id) ? [[id, this.places.get(id) as SlotPlace]] : [])));
  }
}
