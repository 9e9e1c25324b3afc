import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { registrationFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import type { OutboxPayload } from '../outbox/outbox.repository';
import { RegistrationGroupCommit } from './registration-group-commit';
import type { RegistrationStatus } from './registration.entity';
import { PriorityOrder } from '../../database/priority-order';

export interface NewRegistration {
  trackingCode: string;
  givenName: string;
  familyName: string;
  email: string;
  birthDate: string;
  phone: string | null;
  profile: { occupations: string[]; answers: Record<string, string | number | boolean>; locale: 'de' | 'en' };
  productId: string | null;
  preferredSiteIds: string[];
  preferredWeekdays: number[];
  priority: { rank: number } | null;
  /** The receipt mail for a tracking code: this registration's, or the person's earlier one. */
  mail: (trackingCode: string) => OutboxPayload;
}

export interface RegistrationStatusRow {
  status: RegistrationStatus;
  registeredAt: string;
  ahead: number;
  rank: number | null;
  /** A dose of the booked vaccine is documented for the booked person. */
  vaccinated: boolean;
  appointments: { doseNumber: number; status: string; startsAt: string; endsAt: string; siteName: string }[];
  offer: { expiresAt: string; availableUntil: string; siteName: string } | null;
}

/** The registration table: one INSERT on the way in (shared by a group commit), nothing that touches slots. */
@Injectable()
export class RegistrationRepository {
  constructor(
    private readonly sql: Sql,
    private readonly groupCommit: RegistrationGroupCommit,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /**
   * Records the registration, committed when this resolves (in a group commit with those arriving
   * at the same moment); a person registered already (same e-mail) gets their existing tracking
   * code back and no second row.
   */
  insertOrFind(registration: NewRegistration): Promise<{ trackingCode: string; created: boolean }> {
    const ring = this.ring;
    return this.groupCommit.write({
      trackingCode: registration.trackingCode,
      givenNameEncrypted: registrationFields.givenName.encrypt(ring, registration.givenName),
      familyNameEncrypted: registrationFields.familyName.encrypt(ring, registration.familyName),
      emailEncrypted: registrationFields.email.encrypt(ring, registration.email),
      emailIndex: registrationFields.email.blindIndex(ring, registration.email),
      emailIndexCandidates: registrationFields.email.blindIndexCandidates(ring, registration.email),
      birthDateEncrypted: registrationFields.birthDate.encrypt(ring, registration.birthDate),
      phoneEncrypted: registration.phone ? registrationFields.phone.encrypt(ring, registration.phone) : null,
      profileEncrypted: registrationFields.profile.encrypt(ring, JSON.stringify(registration.profile)),
      productId: registration.productId,
      preferredSiteIds: registration.preferredSiteIds,
      preferredWeekdays: registration.preferredWeekdays,
      priorityOrder: PriorityOrder.of(ring).toOrder(registration.priority?.rank ?? null),
      mail: registration.mail,
    });
  }

  /**
   * Takes a queued registration off the waiting list (and its standby membership) when tracking code
   * and birth date match; `booked` when it already has a booking, which is cancelled with its own link.
   */
  async withdraw(trackingCode: string, birthDate: string): Promise<'withdrawn' | 'booked' | 'not_found'> {
    const { rows } = await this.sql.query<{ id: string; status: RegistrationStatus; birth_date_encrypted: string }>(
      'SELECT id, status, birth_date_encrypted FROM registration WHERE tracking_code = $1',
      [trackingCode],
    );
    const row = rows[0];
    if (!row || registrationFields.birthDate.decrypt(this.ring, row.birth_date_encrypted) !== birthDate) return 'not_found';
    if (row.status === 'withdrawn') return 'withdrawn';
    return this.sql.transaction(async (client) => {
      const updated = await client.query(
        `UPDATE registration SET status = 'withdrawn', allocation_due_at = NULL, queue_reason = NULL WHERE id = $1 AND status = 'queued'`,
        [row.id],
      );
      if (updated.rowCount !== 1) return 'booked';
      await client.query('UPDATE standby_member SET active = false WHERE registration_id = $1', [row.id]);
      return 'withdrawn';
    });
  }

  /**
   * Status for the person's own status page; null unless tracking code and birth date match.
   * `ahead` counts queued registrations served before this one (lower rank, or same rank and earlier).
   */
  async statusOf(trackingCode: string, birthDate: string): Promise<RegistrationStatusRow | null> {
    const { rows } = await this.sql.query<{
      status: RegistrationStatus;
      created_at: Date;
      birth_date_encrypted: string;
      priority_order: number | null;
      booking_id: string | null;
      vaccinated: boolean;
      ahead: string;
    }>(
      `SELECT r.status, r.created_at, r.birth_date_encrypted, r.priority_order, r.booking_id,
              EXISTS (SELECT 1 FROM booking b JOIN vaccination v ON v.person_id = b.person_id AND v.product_id = b.product_id AND v.status = 'valid'
                       WHERE b.id = r.booking_id) AS vaccinated,
              (SELECT count(*) FROM registration q WHERE q.status = 'queued' AND q.id <> r.id
                 AND (r.priority_order IS NULL AND (q.priority_order IS NOT NULL OR q.created_at < r.created_at)
                      OR q.priority_order < r.priority_order OR (q.priority_order = r.priority_order AND q.created_at < r.created_at))) AS ahead
         FROM registration r WHERE r.tracking_code = $1`,
      [trackingCode],
    );
    const row = rows[0];
    if (!row || registrationFields.birthDate.decrypt(this.ring, row.birth_date_encrypted) !== birthDate) return null;
    return {
      status: row.status,
      registeredAt: row.created_at.toISOString(),
      ahead: Number(row.ahead),
      rank: PriorityOrder.of(this.ring).toRank(row.priority_order),
      vaccinated: row.vaccinated,
      appointments: row.booking_id ? await this.appointments(row.booking_id) : [],
      offer: await this.openOffer(trackingCode),
    };
  }

  private async appointments(bookingId: string): Promise<RegistrationStatusRow['appointments']> {
    const { rows } = await this.sql.query<{ dose_number: number; status: string; starts_at: Date; ends_at: Date; site_name: string }>(
      `SELECT a.dose_number, a.status, s.starts_at, s.ends_at, si.name AS site_name
         FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN vaccination_day d ON d.id = s.day_id JOIN site si ON si.id = d.site_id
        WHERE a.booking_id = $1 AND a.status <> 'cancelled' ORDER BY s.starts_at`,
      [bookingId],
    );
    return rows.map((row) => ({
      doseNumber: row.dose_number,
      status: row.status,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      siteName: row.site_name,
    }));
  }

  /** A standby offer the person can still confirm, if any. */
  private async openOffer(trackingCode: string): Promise<RegistrationStatusRow['offer']> {
    const { rows } = await this.sql.query<{ expires_at: Date; available_until: Date; site_name: string }>(
      `SELECT o.expires_at, a.available_until, si.name AS site_name
         FROM registration r JOIN standby_member m ON m.registration_id = r.id
         JOIN standby_offer o ON o.member_id = m.id JOIN standby_announcement a ON a.id = o.announcement_id JOIN site si ON si.id = a.site_id
        WHERE r.tracking_code = $1 AND o.status = 'offered' AND o.expires_at > now() AND a.status = 'open'
        ORDER BY o.offered_at DESC LIMIT 1`,
      [trackingCode],
    );
    const row = rows[0];
    return row ? { expiresAt: row.expires_at.toISOString(), availableUntil: row.available_until.toISOString(), siteName: row.site_name } : null;
  }
}
