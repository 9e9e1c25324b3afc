import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { registrationFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import type { RegistrationStatus } from '../registration/registration.entity';
import { ALLOCATION_QUEUE, JOB_SCHEMA } from './allocation-queue';
import { PriorityOrder } from '../../database/priority-order';

export interface SiteRelease {
  siteId: string;
  upToRank: number;
}

export interface RegistrationToAllocate {
  id: string;
  status: RegistrationStatus;
  rank: number | null;
  productId: string | null;
  preferredSiteIds: string[];
  preferredWeekdays: number[];
  locale: 'de' | 'en';
  person: { givenName: string; familyName: string; email: string; birthDate: string };
}

export interface CandidateSlot {
  slotId: string;
  siteId: string;
  localDate: string;
}

export interface SlotSearch {
  productId: string;
  kind: 'first' | 'followUp';
  /** null: any site. */
  siteIds: string[] | null;
  weekdays: number[];
  fromDate: string | null;
  toDate: string | null;
  preferSiteId: string | null;
  limit: number;
}

/** How long a registration sent to the job queue is left alone by the feeder; the job decides what comes next. */
const IN_QUEUE = '1 day';

/** The allocator's SQL: which registrations are due, which slots fit, and what became of each registration. */
@Injectable()
export class AllocationRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Takes the next released registrations in allocation order (rank, arrival) and marks them as in
   * the queue, in the caller's transaction; rows another feeder holds are skipped.
   */
  async takeReleased(client: PoolClient, everySite: number, perSite: SiteRelease[], limit: number): Promise<string[]> {
    const order = PriorityOrder.of(this.ring);
    const { rows } = await client.query<{ id: string }>(
      `SELECT r.id FROM registration r
        WHERE r.status = 'queued' AND r.priority_order IS NOT NULL
          AND (r.allocation_due_at IS NULL OR r.allocation_due_at <= now())
          AND (r.priority_order <= $1 OR EXISTS (
                SELECT 1 FROM unnest($2::uuid[], $3::int[]) AS s(site_id, up_to_order)
                 WHERE r.priority_order <= s.up_to_order
                   AND (cardinality(r.preferred_site_ids) = 0 OR s.site_id = ANY(r.preferred_site_ids))))
        ORDER BY r.priority_order, r.created_at, r.id
        LIMIT $4 FOR UPDATE SKIP LOCKED`,
      [order.upTo(everySite), perSite.map((s) => s.siteId), perSite.map((s) => order.upTo(s.upToRank)), limit],
    );
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) {
      await client.query(`UPDATE registration SET allocation_due_at = now() + interval '${IN_QUEUE}' WHERE id = ANY($1::uuid[])`, [ids]);
    }
    return ids;
  }

  /** Jobs waiting to be fetched; the feeder adds more only when the worker has caught up, so the order holds. */
  async waitingJobs(): Promise<number> {
    const { rows } = await this.sql.query<{ count: string }>(`SELECT count(*) FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'created'`, [ALLOCATION_QUEUE]);
    return Number(rows[0]?.count ?? 0);
  }

  async registration(id: string): Promise<RegistrationToAllocate | null> {
    const { rows } = await this.sql.query<{
      id: string;
      status: RegistrationStatus;
      priority_order: number | null;
      product_id: string | null;
      preferred_site_ids: string[];
      preferred_weekdays: number[];
      given_name_encrypted: string;
      family_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
      profile_encrypted: string;
    }>(
      `SELECT id, status, priority_order, product_id, preferred_site_ids, preferred_weekdays, given_name_encrypted,
              family_name_encrypted, email_encrypted, birth_date_encrypted, profile_encrypted
         FROM registration WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const ring = this.ring;
    const profile = JSON.parse(registrationFields.profile.decrypt(ring, row.profile_encrypted)) as { locale?: 'de' | 'en' };
    return {
      id: row.id,
      status: row.status,
      rank: PriorityOrder.of(ring).toRank(row.priority_order),
      productId: row.product_id,
      preferredSiteIds: row.preferred_site_ids,
      preferredWeekdays: row.preferred_weekdays,
      locale: profile.locale ?? this.config.branding.defaultLocale,
      person: {
        givenName: registrationFields.givenName.decrypt(ring, row.given_name_encrypted),
        familyName: registrationFields.familyName.decrypt(ring, row.family_name_encrypted),
        email: registrationFields.email.decrypt(ring, row.email_encrypted),
        birthDate: registrationFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      },
    };
  }

  /** Free slots of scheduled days that hold the product, earliest first, at least an hour ahead. */
  async slots(search: SlotSearch): Promise<CandidateSlot[]> {
    const [capacity, booked] = search.kind === 'first' ? ['capacity_first', 'booked_first'] : ['capacity_follow_up', 'booked_follow_up'];
    const { rows } = await this.sql.query<{ slot_id: string; site_id: string; local_date: string }>(
      `SELECT s.id AS slot_id, d.site_id, to_char(s.starts_at AT TIME ZONE $1, 'YYYY-MM-DD') AS local_date
         FROM vaccination_day d JOIN slot s ON s.day_id = d.id
        WHERE d.status = 'scheduled' AND s.starts_at > now() + interval '1 hour'
          AND s.${booked} < s.${capacity}
          AND (NOT d.doses_cap_binding OR d.doses_booked < d.doses_cap)
          AND ($2::uuid[] IS NULL OR d.site_id = ANY($2::uuid[]))
          AND (cardinality($3::int[]) = 0 OR extract(isodow FROM s.starts_at AT TIME ZONE $1)::int = ANY($3::int[]))
          AND ($4::date IS NULL OR d.date >= $4::date) AND ($5::date IS NULL OR d.date <= $5::date)
          AND EXISTS (SELECT 1 FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = d.id AND l.product_id = $6)
        ORDER BY (d.site_id = $7::uuid) DESC NULLS LAST, s.starts_at, s.id
        LIMIT $8`,
      [this.config.timeZone, search.siteIds, search.weekdays, search.fromDate, search.toDate, search.productId, search.preferSiteId, search.limit],
    );
    return rows.map((row) => ({ slotId: row.slot_id, siteId: row.site_id, localDate: row.local_date }));
  }

  /** In the booking's transaction: the registration is booked exactly when its booking commits. */
  /** Inside the booking's transaction; a registration withdrawn meanwhile rolls the booking back. */
  async markBooked(client: PoolClient, id: string, bookingId: string): Promise<void> {
    const updated = await client.query(
      `UPDATE registration SET status = 'booked', booking_id = $2, queue_reason = NULL, allocation_due_at = NULL WHERE id = $1 AND status = 'queued'`,
      [id, bookingId],
    );
    if (updated.rowCount !== 1) throw new RegistrationNoLongerQueued(id);
  }

  /** Booked already (self-service): nothing left to allocate. */
  async markBookedElsewhere(id: string): Promise<void> {
    await this.sql.query(`UPDATE registration SET status = 'booked', queue_reason = 'booked_elsewhere', allocation_due_at = NULL WHERE id = $1 AND status = 'queued'`, [
      id,
    ]);
  }

  /** Stays queued with the reason staff see; looked at again after `recheckMinutes` (new days may have opened). */
  async markUnmet(id: string, reason: string, recheckMinutes: number): Promise<void> {
    await this.sql.query(`UPDATE registration SET queue_reason = $2, allocation_due_at = now() + make_interval(mins => $3) WHERE id = $1 AND status = 'queued'`, [
      id,
      reason,
      recheckMinutes,
    ]);
  }
}

/** The registration left the queue (withdrawn) while its job ran: nothing is booked for it. */
export class RegistrationNoLongerQueued extends Error {
  constructor(readonly registrationId: string) {
    super('registration is no longer queued');
  }
}
