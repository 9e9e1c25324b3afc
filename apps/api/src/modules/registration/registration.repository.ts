import { Inject, Injectable } from '@nestjs/common';
import { normalizeEmail, type FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { Sql } from '../../database/sql';
import type { RegistrationStatus } from './registration.entity';

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
}

/** The registration table: one INSERT on the way in, nothing that touches slots. */
@Injectable()
export class RegistrationRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /**
   * Records the registration, committed when this resolves; a person registered already (same
   * e-mail) gets their existing tracking code back and no second row.
   */
  async insertOrFind(registration: NewRegistration): Promise<{ trackingCode: string; created: boolean }> {
    const ring = this.ring;
    const email = normalizeEmail(registration.email);
    const inserted = await this.sql.query<{ tracking_code: string }>(
      `INSERT INTO registration (tracking_code, given_name_encrypted, family_name_encrypted, email_encrypted, email_index,
                                 birth_date_encrypted, phone_encrypted, profile_encrypted, product_id, preferred_site_ids, preferred_weekdays,
                                 priority_rank)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (email_index) DO NOTHING RETURNING tracking_code`,
      [
        registration.trackingCode,
        ring.encrypt(registration.givenName, 'registration.givenName'),
        ring.encrypt(registration.familyName, 'registration.familyName'),
        ring.encrypt(registration.email, 'registration.email'),
        ring.blindIndex(email, 'registration.email'),
        ring.encrypt(registration.birthDate, 'registration.birthDate'),
        registration.phone ? ring.encrypt(registration.phone, 'registration.phone') : null,
        ring.encrypt(JSON.stringify(registration.profile), 'registration.profile'),
        registration.productId,
        registration.preferredSiteIds,
        registration.preferredWeekdays,
        registration.priority?.rank ?? null,
      ],
    );
    if (inserted.rows[0]) return { trackingCode: inserted.rows[0].tracking_code, created: true };
    const existing = await this.sql.query<{ tracking_code: string }>('SELECT tracking_code FROM registration WHERE email_index = ANY($1)', [
      ring.blindIndexCandidates(email, 'registration.email'),
    ]);
    if (!existing.rows[0]) throw new Error('registration neither inserted nor found');
    return { trackingCode: existing.rows[0].tracking_code, created: false };
  }

  /** Status for the person's own status page; null unless tracking code and birth date match. */
  async statusOf(trackingCode: string, birthDate: string): Promise<{ status: RegistrationStatus; registeredAt: string; ahead: number } | null> {
    const { rows } = await this.sql.query<{ status: RegistrationStatus; created_at: Date; birth_date_encrypted: string; ahead: string }>(
      `SELECT r.status, r.created_at, r.birth_date_encrypted,
              (SELECT count(*) FROM registration q WHERE q.status = 'queued' AND q.created_at < r.created_at) AS ahead
         FROM registration r WHERE r.tracking_code = $1`,
      [trackingCode],
    );
    const row = rows[0];
    if (!row || this.ring.decrypt(row.birth_date_encrypted, 'registration.birthDate') !== birthDate) return null;
    return { status: row.status, registeredAt: row.created_at.toISOString(), ahead: Number(row.ahead) };
  }
}
