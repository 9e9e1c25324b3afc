import { Inject, Injectable } from '@nestjs/common';
import type { WaitingListReports as Reports } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { PriorityOrder } from '../../database/priority-order';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';

export type CountByGroup = Omit<Reports['byGroup'][number], 'group'>;

export type CountBySite = Reports['bySite'][number];

export type CountByWeek = Reports['byWeek'][number];

export type WillingVsVaccinated = Reports['willingVsVaccinated'];

export type StandbyTally = Reports['standby'][number];

/** A registration counts as vaccinated once a valid dose of its booked vaccine is documented for the booked person. */
const VACCINATED = `(r.status = 'vaccinated' OR EXISTS (SELECT 1 FROM booking b JOIN vaccination v ON v.person_id = b.person_id
  AND v.product_id = b.product_id AND v.status = 'valid' WHERE b.id = r.booking_id))`;

/** Demand figures: counts only, never a person. */
@Injectable()
export class WaitingListReportsRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async byGroup(): Promise<CountByGroup[]> {
    const { rows } = await this.sql.query<{ priority_order: number | null; queued: string; booked: string; vaccinated: string; total: string }>(
      `SELECT r.priority_order, count(*) FILTER (WHERE r.status IN ('queued', 'offered')) AS queued,
              count(*) FILTER (WHERE r.status = 'booked' AND NOT ${VACCINATED}) AS booked, count(*) FILTER (WHERE ${VACCINATED}) AS vaccinated, count(*) AS total
         FROM registration r WHERE r.status <> 'withdrawn' GROUP BY r.priority_order ORDER BY r.priority_order NULLS LAST`,
    );
    return rows.map((row) => ({
      rank: PriorityOrder.of(this.ring).toRank(row.priority_order),
      queued: Number(row.queued),
      booked: Number(row.booked),
      vaccinated: Number(row.vaccinated),
      total: Number(row.total),
    }));
  }

  /** A registration preferring two sites counts for both; one preferring none counts as "any site" (siteId null). */
  async bySite(): Promise<CountBySite[]> {
    const { rows } = await this.sql.query<{ site_id: string | null; site_name: string | null; registrations: string }>(
      `SELECT p.site_id, s.name AS site_name, count(*) AS registrations
         FROM registration r
         CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.preferred_site_ids) = 0 THEN ARRAY[NULL]::uuid[] ELSE r.preferred_site_ids END) AS p(site_id)
         LEFT JOIN site s ON s.id = p.site_id
        WHERE r.status <> 'withdrawn'
        GROUP BY p.site_id, s.name ORDER BY s.name NULLS LAST`,
    );
    return rows.map((row) => ({ siteId: row.site_id, siteName: row.site_name, registrations: Number(row.registrations) }));
  }

  async byWeek(): Promise<CountByWeek[]> {
    const { rows } = await this.sql.query<{ week: string; registrations: string }>(
      `SELECT to_char(created_at AT TIME ZONE $1, 'IYYY-"W"IW') AS week, count(*) AS registrations
         FROM registration GROUP BY week ORDER BY week`,
      [this.config.timeZone],
    );
    return rows.map((row) => ({ week: row.week, registrations: Number(row.registrations) }));
  }

  async willingVsVaccinated(): Promise<WillingVsVaccinated> {
    const { rows } = await this.sql.query<{ willing: string; booked: string; vaccinated: string }>(
      `SELECT count(*) AS willing, count(*) FILTER (WHERE r.status = 'booked' AND NOT ${VACCINATED}) AS booked, count(*) FILTER (WHERE ${VACCINATED}) AS vaccinated
         FROM registration r WHERE r.status <> 'withdrawn'`,
    );
    const row = rows[0];
    return { willing: Number(row?.willing ?? 0), booked: Number(row?.booked ?? 0), vaccinated: Number(row?.vaccinated ?? 0) };
  }

  async standby(): Promise<StandbyTally[]> {
    const { rows } = await this.sql.query<{
      id: string;
      site_name: string;
      product_name: string;
      created_at: Date;
      doses: number;
      offered: string;
      taken: string;
      expired: string;
      too_late: string;
    }>(
      `SELECT a.id, s.name AS site_name, p.name AS product_name, a.created_at, a.doses, count(o.id) AS offered,
              count(o.id) FILTER (WHERE o.status = 'taken') AS taken, count(o.id) FILTER (WHERE o.status = 'expired') AS expired,
              count(o.id) FILTER (WHERE o.status = 'too_late') AS too_late
         FROM standby_announcement a JOIN site s ON s.id = a.site_id JOIN vaccine_product p ON p.id = a.product_id
         LEFT JOIN standby_offer o ON o.announcement_id = a.id
        GROUP BY a.id, s.name, p.name ORDER BY a.created_at DESC LIMIT 1000`,
    );
    return rows.map((row) => ({
      announcementId: row.id,
      siteName: row.site_name,
      productName: row.product_name,
      announcedAt: row.created_at.toISOString(),
      doses: row.doses,
      offered: Number(row.offered),
      taken: Number(row.taken),
      expired: Number(row.expired),
      tooLate: Number(row.too_late),
    }));
  }
}
