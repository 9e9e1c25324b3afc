import { Inject, Injectable } from '@nestjs/common';
import type { PersonExport } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { normalizeEmail } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import {
  adverseReactionFields,
  outboxFields,
  personFields,
  personRevisionFields,
  registrationFields,
  standbyMemberFields,
  visitFields,
} from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';

type Profile = PersonExport['profile'];
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** Reads every record about one person, decrypted, for an access or portability request. */
@Injectable()
export class PersonExportRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async export(personId: string): Promise<PersonExport | null> {
    const profile = await this.profile(personId);
    if (!profile) return null;
    const bookingIds = (await this.sql.query<{ id: string }>('SELECT id FROM booking WHERE person_id = $1', [personId])).rows.map((row) => row.id);
    return {
      exportedAt: new Date().toISOString(),
      profile,
      revisions: await this.revisions(personId),
      bookings: await this.bookings(personId),
      registrations: await this.registrations(profile.email, bookingIds),
      standby: await this.standby(profile.email, bookingIds),
      visits: await this.visits(personId),
      vaccinations: await this.vaccinations(personId),
      certificates: await this.certificates(personId),
      mails: await this.mails(profile.email),
      accessLog: await this.accessLog(personId),
    };
  }

  private async profile(personId: string): Promise<Profile | null> {
    const { rows } = await this.sql.query<{
      given_name_encrypted: string;
      family_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
      phone_encrypted: string | null;
      employee_number_encrypted: string | null;
      locale: string | null;
      created_at: Date;
      updated_at: Date;
    }>(
      `SELECT given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, phone_encrypted, employee_number_encrypted,
              locale, created_at, updated_at FROM person WHERE id = $1 AND erased_at IS NULL`,
      [personId],
    );
    const row = rows[0];
    if (!row) return null;
    const ring = this.ring;
    return {
      id: personId,
      givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
      email: personFields.email.decrypt(ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      phone: row.phone_encrypted ? personFields.phone.decrypt(ring, row.phone_encrypted) : null,
      employeeNumber: row.employee_number_encrypted ? personFields.employeeNumber.decrypt(ring, row.employee_number_encrypted) : null,
      locale: row.locale,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async revisions(personId: string): Promise<PersonExport['revisions']> {
    const { rows } = await this.sql.query<{
      version: number;
      given_name_encrypted: string;
      family_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
      reason_encrypted: string;
      changed_by: string;
      changed_at: Date;
    }>(
      `SELECT version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, reason_encrypted, changed_by, changed_at
         FROM person_revision WHERE person_id = $1 ORDER BY changed_at, version`,
      [personId],
    );
    return rows.map((row) => ({
      version: row.version,
      givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      email: personFields.email.decrypt(this.ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
      reason: personRevisionFields.reason.decrypt(this.ring, row.reason_encrypted),
      changedBy: row.changed_by,
      changedAt: row.changed_at.toISOString(),
    }));
  }

  private async bookings(personId: string): Promise<PersonExport['bookings']> {
    const { rows } = await this.sql.query<{
      id: string;
      code: string;
      status: string;
      product: string;
      created_at: Date;
      appointments: { startsAt: string; site: string; doseKind: string; doseNumber: number; status: string }[];
    }>(
      `SELECT b.id, b.code, b.status, p.name AS product, b.created_at,
              COALESCE((SELECT json_agg(json_build_object('startsAt', to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'site', si.name,
                                                          'doseKind', a.dose_kind, 'doseNumber', a.dose_number, 'status', a.status) ORDER BY s.starts_at)
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN vaccination_day d ON d.id = s.day_id JOIN site si ON si.id = d.site_id
                         WHERE a.booking_id = b.id), '[]') AS appointments
         FROM booking b JOIN vaccine_product p ON p.id = b.product_id WHERE b.person_id = $1 ORDER BY b.created_at`,
      [personId],
    );
    return rows.map((row) => ({ code: row.code, status: row.status, product: row.product, createdAt: row.created_at.toISOString(), appointments: row.appointments }));
  }

  private async registrations(email: string, bookingIds: string[]): Promise<PersonExport['registrations']> {
    const { rows } = await this.sql.query<{
      tracking_code: string;
      status: string;
      created_at: Date;
      given_name_encrypted: string;
      family_name_encrypted: string;
      email_encrypted: string;
      birth_date_encrypted: string;
      phone_encrypted: string | null;
      profile_encrypted: string;
      preferred_site_ids: string[];
      preferred_weekdays: number[];
    }>(
      `SELECT tracking_code, status, created_at, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, phone_encrypted,
              profile_encrypted, preferred_site_ids, preferred_weekdays
         FROM registration WHERE email_index = ANY($1) OR booking_id = ANY($2::uuid[]) ORDER BY created_at`,
      [registrationFields.email.blindIndexCandidates(this.ring, email), bookingIds],
    );
    const ring = this.ring;
    return rows.map((row) => {
      const profile = JSON.parse(registrationFields.profile.decrypt(ring, row.profile_encrypted)) as { occupations?: string[]; answers?: Record<string, unknown> };
      return {
        trackingCode: row.tracking_code,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        givenName: registrationFields.givenName.decrypt(ring, row.given_name_encrypted),
        familyName: registrationFields.familyName.decrypt(ring, row.family_name_encrypted),
        email: registrationFields.email.decrypt(ring, row.email_encrypted),
        birthDate: registrationFields.birthDate.decrypt(ring, row.birth_date_encrypted),
        phone: row.phone_encrypted ? registrationFields.phone.decrypt(ring, row.phone_encrypted) : null,
        occupations: profile.occupations ?? [],
        answers: profile.answers ?? {},
        preferredSiteIds: row.preferred_site_ids,
        preferredWeekdays: row.preferred_weekdays,
      };
    });
  }

  private async standby(email: string, bookingIds: string[]): Promise<PersonExport['standby']> {
    const { rows } = await this.sql.query<{
      registration_id: string | null;
      active: boolean;
      created_at: Date;
      phone_encrypted: string | null;
      site_ids: string[];
      offers: { status: string; offeredAt: string; answeredAt: string | null }[];
    }>(
      `SELECT m.registration_id, m.active, m.created_at, m.phone_encrypted, m.site_ids,
              COALESCE((SELECT json_agg(json_build_object('status', o.status, 'offeredAt', to_char(o.offered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                                          'answeredAt', to_char(o.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY o.offered_at)
                          FROM standby_offer o WHERE o.member_id = m.id), '[]') AS offers
         FROM standby_member m
        WHERE m.booking_id = ANY($2::uuid[]) OR m.registration_id IN (SELECT r.id FROM registration r WHERE r.email_index = ANY($1) OR r.booking_id = ANY($2::uuid[]))
        ORDER BY m.created_at`,
      [registrationFields.email.blindIndexCandidates(this.ring, email), bookingIds],
    );
    return rows.map((row) => ({
      source: row.registration_id ? ('registration' as const) : ('booking' as const),
      active: row.active,
      createdAt: row.created_at.toISOString(),
      phone: row.phone_encrypted ? standbyMemberFields.phone.decrypt(this.ring, row.phone_encrypted) : null,
      siteIds: row.site_ids,
      offers: row.offers,
    }));
  }

  private async visits(personId: string): Promise<PersonExport['visits']> {
    const { rows } = await this.sql.query<{
      day: string;
      state: string;
      checked_in_at: Date | null;
      consent_at: Date | null;
      checked_out_at: Date | null;
      no_show_at: Date | null;
      answers_encrypted: string | null;
    }>(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS day, v.state, v.checked_in_at, v.consent_at, v.checked_out_at, v.no_show_at, v.answers_encrypted
         FROM visit v JOIN vaccination_day d ON d.id = v.day_id WHERE v.person_id = $1 ORDER BY v.created_at`,
      [personId],
    );
    return rows.map((row) => ({
      day: row.day,
      state: row.state,
      checkedInAt: iso(row.checked_in_at),
      consentAt: iso(row.consent_at),
      checkedOutAt: iso(row.checked_out_at),
      noShowAt: iso(row.no_show_at),
      answers: row.answers_encrypted ? (JSON.parse(visitFields.answers.decrypt(this.ring, row.answers_encrypted)) as Record<string, unknown>) : null,
    }));
  }

  private async vaccinations(personId: string): Promise<PersonExport['vaccinations']> {
    const { rows } = await this.sql.query<{
      id: string;
      product: string;
      lot_number: string;
      dose_number: number;
      series_doses: number;
      administered_at: Date;
      site: string;
      injection_site: string;
      status: string;
    }>(
      `SELECT v.id, p.name AS product, l.lot_number, v.dose_number, v.series_doses, v.administered_at, s.name AS site, v.injection_site, v.status
         FROM vaccination v JOIN vaccine_product p ON p.id = v.product_id JOIN lot l ON l.id = v.lot_id JOIN site s ON s.id = v.site_id
        WHERE v.person_id = $1 ORDER BY v.administered_at`,
      [personId],
    );
    const { rows: reactions } = await this.sql.query<{ vaccination_id: string; severity: string; description_encrypted: string; recorded_at: Date }>(
      `SELECT vaccination_id, severity, description_encrypted, recorded_at FROM adverse_reaction WHERE vaccination_id = ANY($1::uuid[]) ORDER BY recorded_at`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) => ({
      product: row.product,
      lotNumber: row.lot_number,
      doseNumber: row.dose_number,
      seriesDoses: row.series_doses,
      administeredAt: row.administered_at.toISOString(),
      site: row.site,
      injectionSite: row.injection_site,
      status: row.status,
      adverseReactions: reactions
        .filter((reaction) => reaction.vaccination_id === row.id)
        .map((reaction) => ({
          severity: reaction.severity,
          description: adverseReactionFields.description.decrypt(this.ring, reaction.description_encrypted),
          recordedAt: reaction.recorded_at.toISOString(),
        })),
    }));
  }

  private async certificates(personId: string): Promise<PersonExport['certificates']> {
    const { rows } = await this.sql.query<{ certificate_id: string; issued_at: Date; expires_at: Date; revoked_at: Date | null }>(
      'SELECT certificate_id, issued_at, expires_at, revoked_at FROM certificate WHERE person_id = $1 ORDER BY issued_at',
      [personId],
    );
    return rows.map((row) => ({
      certificateId: row.certificate_id,
      issuedAt: row.issued_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      revokedAt: iso(row.revoked_at),
    }));
  }

  /** Mails carry no person id: each one's recipient is decrypted and compared. */
  private async mails(email: string): Promise<PersonExport['mails']> {
    const wanted = normalizeEmail(email);
    const { rows } = await this.sql.query<{ kind: string; status: string; created_at: Date; sent_at: Date | null; payload_encrypted: string }>(
      'SELECT kind, status, created_at, sent_at, payload_encrypted FROM outbox_message ORDER BY id',
    );
    return rows
      .filter((row) => {
        const payload = JSON.parse(outboxFields.payload.decrypt(this.ring, row.payload_encrypted)) as { to?: { email?: string } };
        return payload.to?.email !== undefined && normalizeEmail(payload.to.email) === wanted;
      })
      .map((row) => ({ kind: row.kind, status: row.status, queuedAt: row.created_at.toISOString(), sentAt: iso(row.sent_at) }));
  }

  private async accessLog(personId: string): Promise<PersonExport['accessLog']> {
    const { rows } = await this.sql.query<{ occurred_at: Date; actor_subject: string; actor_kind: string; action: string; client_ip: string }>(
      'SELECT occurred_at, actor_subject, actor_kind, action, client_ip FROM audit_event WHERE subject_id = $1 ORDER BY occurred_at, id',
      [personId],
    );
    return rows.map((row) => ({
      occurredAt: row.occurred_at.toISOString(),
      actor: row.actor_subject,
      actorKind: row.actor_kind,
      action: row.action,
      clientNetwork: row.client_ip,
    }));
  }
}
