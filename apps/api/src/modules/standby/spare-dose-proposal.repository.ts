import type { SpareDoseProposal } from '@vaccinate/api-contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql, type SqlClient } from '../../database/sql';

export type { SpareDoseProposal };

/**
 * Today's days where more doses were brought than are booked: what staff may offer to standby members.
 * Every appointment of the day counts, walk-ins' and confirmed spare doses' too (both are booked into
 * the day); announced doses count until taken, when their appointment counts instead.
 */
@Injectable()
export class SpareDoseProposalRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async today(): Promise<SpareDoseProposal[]> {
    const { rows } = await this.sql.query<{
      day_id: string;
      site_id: string;
      product_id: string;
      spare: number;
      closes_at: Date;
      expires_today: boolean;
    }>(
      `WITH today AS (SELECT (now() AT TIME ZONE $1)::date AS d),
       brought AS (
         SELECT d.id AS day_id, d.site_id, l.product_id, sum(dl.doses)::int AS doses, bool_or(l.expiry_date <= t.d) AS expires_today,
                ((d.date + d.closes_at) AT TIME ZONE $1) AS closes_at, t.d AS today
           FROM vaccination_day d CROSS JOIN today t
           JOIN vaccination_day_lot dl ON dl.day_id = d.id JOIN lot l ON l.id = dl.lot_id
          WHERE d.date = t.d AND d.status = 'scheduled' AND ((d.date + d.closes_at) AT TIME ZONE $1) > now()
          GROUP BY d.id, d.site_id, l.product_id, t.d)
       SELECT b.day_id, b.site_id, b.product_id, b.closes_at, b.expires_today,
              b.doses
              - (SELECT count(*) FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN booking bk ON bk.id = a.booking_id
                  WHERE s.day_id = b.day_id AND a.status = 'booked' AND bk.product_id = b.product_id)::int
              - (SELECT coalesce(sum(sa.doses - sa.taken), 0) FROM standby_announcement sa
                  WHERE sa.site_id = b.site_id AND sa.product_id = b.product_id AND (sa.created_at AT TIME ZONE $1)::date = b.today)::int AS spare
         FROM brought b
        ORDER BY b.expires_today DESC, b.closes_at`,
      [this.config.timeZone],
    );
    return rows
      .filter((row) => row.spare > 0)
      .map((row) => ({
        dayId: row.day_id,
        siteId: row.site_id,
        productId: row.product_id,
        doses: row.spare,
        availableUntil: row.closes_at.toISOString(),
        expiresToday: row.expires_today,
      }));
  }

  /**
   * Doses of the announcement's vaccine still unclaimed at its site today: brought, less every booked
   * appointment (walk-ins and confirmed spare doses included) and the untaken doses of the site's other
   * open announcements. Null when no day there holds the vaccine today (nothing to count against).
   */
  async unclaimed(db: SqlClient, announcementId: string): Promise<number | null> {
    const { rows } = await db.query<{ brought: number | null; booked: number; others: number }>(
      `WITH a AS (SELECT id, site_id, product_id, (now() AT TIME ZONE $2)::date AS today FROM standby_announcement WHERE id = $1),
       days AS (SELECT d.id FROM vaccination_day d, a WHERE d.site_id = a.site_id AND d.date = a.today AND d.status = 'scheduled')
       SELECT (SELECT sum(dl.doses) FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id, a
                WHERE dl.day_id IN (SELECT id FROM days) AND l.product_id = a.product_id)::int AS brought,
              (SELECT count(*) FROM appointment ap JOIN slot s ON s.id = ap.slot_id JOIN booking b ON b.id = ap.booking_id, a
                WHERE s.day_id IN (SELECT id FROM days) AND ap.status = 'booked' AND b.product_id = a.product_id)::int AS booked,
              (SELECT coalesce(sum(o.doses - o.taken), 0) FROM standby_announcement o, a
                WHERE o.site_id = a.site_id AND o.product_id = a.product_id AND o.id <> a.id AND o.status = 'open'
                  AND (o.created_at AT TIME ZONE $2)::date = a.today)::int AS others
         FROM a`,
      [announcementId, this.config.timeZone],
    );
    const row = rows[0];
    return row?.brought == null ? null : Math.max(0, row.brought - row.booked - row.others);
  }
}
