import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, registrationFields, standbyMemberFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import type { StandbyWindow } from './standby-member.entity';

export interface StandbyPreferences {
  siteIds: string[];
  timeWindows: StandbyWindow[];
  quietFrom: string | null;
  quietTo: string | null;
  phone: string | null;
}

interface Contact {
  givenName: string;
  email: string;
  birthDate: string;
  locale: 'de' | 'en';
  /** The registration's keyed priority order, copied as it is (see PriorityOrder). */
  priorityOrder: number | null;
}

/** Standby members: joined from a registration or a booking, contact details copied as ciphertext. */
@Injectable()
export class StandbyMemberRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Joins (or updates) the member for a registration; false unless tracking code and birth date match. */
  async joinFromRegistration(trackingCode: string, birthDate: string, preferences: StandbyPreferences): Promise<boolean> {
    const { rows } = await this.sql.query<{
      id: string;
      given_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
      profile_encrypted: string;
      priority_order: number | null;
    }>(
      `SELECT id, given_name_encrypted, email_encrypted, birth_date_encrypted, profile_encrypted, priority_order
         FROM registration WHERE tracking_code = $1 AND status <> 'withdrawn'`,
      [trackingCode],
    );
    const row = rows[0];
    const ring = this.ring;
    if (!row || registrationFields.birthDate.decrypt(ring, row.birth_date_encrypted) !== birthDate) return false;
    const profile = JSON.parse(registrationFields.profile.decrypt(ring, row.profile_encrypted)) as { locale?: 'de' | 'en' };
    await this.upsert('registration_id', row.id, preferences, {
      givenName: registrationFields.givenName.decrypt(ring, row.given_name_encrypted),
      email: registrationFields.email.decrypt(ring, row.email_encrypted),
      birthDate,
      locale: profile.locale ?? 'de',
      priorityOrder: row.priority_order,
    });
    return true;
  }

  /** Joins (or updates) the member for an active booking found by its manage token's hash. */
  async joinFromBooking(manageTokenHash: string, preferences: StandbyPreferences): Promise<boolean> {
    const { rows } = await this.sql.query<{
      id: string;
      locale: 'de' | 'en';
      given_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
    }>(
      `SELECT b.id, b.locale, p.given_name_encrypted, p.email_encrypted, p.birth_date_encrypted
         FROM booking b JOIN person p ON p.id = b.person_id WHERE b.manage_token_hash = $1 AND b.status = 'active'`,
      [manageTokenHash],
    );
    const row = rows[0];
    if (!row) return false;
    const ring = this.ring;
    await this.upsert('booking_id', row.id, preferences, {
      givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
      email: personFields.email.decrypt(ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      locale: row.locale,
      priorityOrder: null,
    });
    return true;
  }

  /** Leaves standby: no offer goes out any more. False when nothing matched. */
  async leaveFromRegistration(trackingCode: string, birthDate: string): Promise<boolean> {
    const { rows } = await this.sql.query<{ id: string; birth_date_encrypted: string }>(
      `SELECT m.id, m.birth_date_encrypted FROM standby_member m JOIN registration r ON r.id = m.registration_id WHERE r.tracking_code = $1`,
      [trackingCode],
    );
    const row = rows[0];
    if (!row || standbyMemberFields.birthDate.decrypt(this.ring, row.birth_date_encrypted) !== birthDate) return false;
    await this.sql.query('UPDATE standby_member SET active = false WHERE id = $1', [row.id]);
    return true;
  }

  async leaveFromBooking(manageTokenHash: string): Promise<boolean> {
    const result = await this.sql.query('UPDATE standby_member m SET active = false FROM booking b WHERE m.booking_id = b.id AND b.manage_token_hash = $1', [
      manageTokenHash,
    ]);
    return result.rowCount === 1;
  }

  /** Ends the membership of whoever was just vaccinated (through their booking or their registration's booking). */
  async endForVaccination(client: SqlClient, vaccinationId: string): Promise<void> {
    await client.query(
      `UPDATE standby_member m SET active = false
        WHERE m.active AND (
              m.booking_id IN (SELECT b.id FROM booking b JOIN vaccination v ON v.person_id = b.person_id WHERE v.id = $1)
           OR m.registration_id IN (SELECT r.id FROM registration r JOIN booking b ON b.id = r.booking_id
                                      JOIN vaccination v ON v.person_id = b.person_id WHERE v.id = $1))`,
      [vaccinationId],
    );
  }

  private async upsert(source: 'registration_id' | 'booking_id', sourceId: string, preferences: StandbyPreferences, contact: Contact): Promise<void> {
    const ring = this.ring;
    await this.sql.query(
      `INSERT INTO standby_member (${source}, given_name_encrypted, email_encrypted, phone_encrypted, birth_date_encrypted, locale,
                                   priority_order, site_ids, time_windows, quiet_from, quiet_to, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true)
       ON CONFLICT (${source}) DO UPDATE SET site_ids = EXCLUDED.site_ids, time_windows = EXCLUDED.time_windows,
         quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to, active = true,
         phone_encrypted = COALESCE(EXCLUDED.phone_encrypted, standby_member.phone_encrypted)`,
      [
        sourceId,
        standbyMemberFields.givenName.encrypt(ring, contact.givenName),
        standbyMemberFields.email.encrypt(ring, contact.email),
        preferences.phone ? standbyMemberFields.phone.encrypt(ring, preferences.phone) : null,
        standbyMemberFields.birthDate.encrypt(ring, contact.birthDate),
        contact.locale,
        contact.priorityOrder,
        preferences.siteIds,
        JSON.stringify(preferences.timeWindows),
        preferences.quietFrom,
        preferences.quietTo,
      ],
    );
  }
}
