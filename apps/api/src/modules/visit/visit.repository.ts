import { Inject, Injectable } from '@nestjs/common';
import type { BoardEntry, BoardState, DoseKind, IdentityDocument, VisitDetail, VisitState } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, visitFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import { staffName, staffNameCiphertext } from '../auth/staff-account.repository';

/** The encrypted part of a visit: the answers, the flags they raise, the free-text note. */
export type StoredAnswers = NonNullable<VisitDetail['answers']>;

export interface VisitRow {
  id: string;
  appointmentId: string;
  dayId: string;
  personId: string;
  bookingId: string;
  productId: string;
  siteId: string;
  state: VisitState;
  walkIn: boolean;
  questionnaireVersion: number | null;
  answers: StoredAnswers | null;
  consentAt: Date | null;
  flagsAcknowledged: { by: { id: string; name: string | null }; at: Date } | null;
  observationUntil: Date | null;
  version: number;
}

interface BoardRow {
  appointment_id: string;
  appointment_status: 'booked' | 'cancelled';
  dose_kind: DoseKind;
  dose_number: number;
  starts_at: Date;
  code: string;
  person_id: string;
  product_id: string;
  product_name: string;
  given_name_encrypted: string;
  family_name_encrypted: string;
  birth_date_encrypted: string;
  visit_id: string | null;
  state: VisitState | null;
  walk_in: boolean | null;
  checked_in_at: Date | null;
  answers_encrypted: string | null;
  consent_at: Date | null;
  flags_acknowledged_at: Date | null;
  observation_until: Date | null;
  version: number | null;
  vaccination_id: string | null;
}

const VISIT_SELECT = `
  SELECT v.id, v.appointment_id, v.day_id, v.person_id, a.booking_id, b.product_id, d.site_id, v.state, v.walk_in,
         v.questionnaire_version, v.answers_encrypted, v.consent_at, v.observation_until, v.version,
         v.flags_acknowledged_by, v.flags_acknowledged_at, ${staffNameCiphertext('v.flags_acknowledged_by')} AS flags_acknowledged_by_name_encrypted
    FROM visit v JOIN appointment a ON a.id = v.appointment_id JOIN booking b ON b.id = a.booking_id
    JOIN vaccination_day d ON d.id = v.day_id`;

/** The SQL of the vaccination day's visits; answers are encrypted here and nowhere else. */
@Injectable()
export class VisitRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Every appointment of the day with its visit, in slot order; or just the one appointment named. */
  async board(dayId: string, appointmentId: string | null = null): Promise<BoardEntry[]> {
    const { rows } = await this.sql.query<BoardRow>(
      `SELECT a.id AS appointment_id, a.status AS appointment_status, a.dose_kind, a.dose_number, s.starts_at, b.code,
              b.person_id, b.product_id, p.name AS product_name,
              pe.given_name_encrypted, pe.family_name_encrypted, pe.birth_date_encrypted,
              v.id AS visit_id, v.state, v.walk_in, v.checked_in_at, v.answers_encrypted, v.consent_at, v.observation_until, v.version,
              v.flags_acknowledged_at, vac.id AS vaccination_id
         FROM appointment a
         JOIN slot s ON s.id = a.slot_id
         JOIN booking b ON b.id = a.booking_id
         JOIN vaccine_product p ON p.id = b.product_id
         JOIN person pe ON pe.id = b.person_id
         LEFT JOIN visit v ON v.appointment_id = a.id
         LEFT JOIN vaccination vac ON vac.visit_id = v.id AND vac.status = 'valid'
        WHERE s.day_id = $1 AND ($2::uuid IS NULL OR a.id = $2::uuid)
        ORDER BY s.starts_at, a.created_at`,
      [dayId, appointmentId],
    );
    return rows.map((row) => {
      const answers = row.answers_encrypted ? this.decryptAnswers(row.answers_encrypted) : null;
      const state: BoardState = row.state ?? (row.appointment_status === 'cancelled' ? 'cancelled' : 'booked');
      return {
        appointmentId: row.appointment_id,
        visitId: row.visit_id,
        bookingCode: row.code,
        personId: row.person_id,
        person: {
          givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
          familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
          birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
        },
        productId: row.product_id,
        productName: row.product_name,
        startsAt: row.starts_at.toISOString(),
        doseKind: row.dose_kind,
        doseNumber: row.dose_number,
        state,
        walkIn: row.walk_in ?? false,
        checkedInAt: row.checked_in_at?.toISOString() ?? null,
        answered: answers !== null,
        consent: row.consent_at !== null,
        flaggedAnswers: answers?.flagged ?? [],
        flagsAcknowledged: row.flags_acknowledged_at !== null,
        observationUntil: row.observation_until?.toISOString() ?? null,
        vaccinationId: row.vaccination_id,
        version: row.version,
      };
    });
  }

  /** A booked appointment of the day, by booking code or id; the person it belongs to. */
  async findAppointment(
    dayId: string,
    by: { bookingCode?: string; appointmentId?: string },
  ): Promise<{ appointmentId: string; personId: string; status: string } | null> {
    const { rows } = await this.sql.query<{ appointment_id: string; person_id: string; status: string }>(
      `SELECT a.id AS appointment_id, b.person_id, a.status
         FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN booking b ON b.id = a.booking_id
        WHERE s.day_id = $1 AND (a.id = $2 OR b.code = $3)
        ORDER BY (a.status = 'booked') DESC, a.dose_number
        LIMIT 1`,
      [dayId, by.appointmentId ?? null, by.bookingCode ?? null],
    );
    const row = rows[0];
    return row ? { appointmentId: row.appointment_id, personId: row.person_id, status: row.status } : null;
  }

  /** The new visit's id, or null when the appointment has one already. */
  async checkIn(
    client: SqlClient,
    visit: { appointmentId: string; dayId: string; personId: string; walkIn: boolean; checkedInBy: string; identityDocument: IdentityDocument },
  ): Promise<string | null> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO visit (appointment_id, day_id, person_id, state, walk_in, checked_in_at, checked_in_by, identity_document, version)
       VALUES ($1, $2, $3, 'checked_in', $4, now(), $5, $6, 1)
       ON CONFLICT (appointment_id) DO NOTHING RETURNING id`,
      [visit.appointmentId, visit.dayId, visit.personId, visit.walkIn, visit.checkedInBy, visit.identityDocument],
    );
    return rows[0]?.id ?? null;
  }

  async byId(id: string, client: SqlClient = this.sql, lock = false): Promise<VisitRow | null> {
    const { rows } = await client.query<{
      id: string;
      appointment_id: string;
      day_id: string;
      person_id: string;
      booking_id: string;
      product_id: string;
      site_id: string;
      state: VisitState;
      walk_in: boolean;
      questionnaire_version: number | null;
      answers_encrypted: string | null;
      consent_at: Date | null;
      observation_until: Date | null;
      version: number;
      flags_acknowledged_by: string | null;
      flags_acknowledged_at: Date | null;
      flags_acknowledged_by_name_encrypted: string | null;
    }>(`${VISIT_SELECT} WHERE v.id = $1${lock ? ' FOR UPDATE OF v' : ''}`, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      appointmentId: row.appointment_id,
      dayId: row.day_id,
      personId: row.person_id,
      bookingId: row.booking_id,
      productId: row.product_id,
      siteId: row.site_id,
      state: row.state,
      walkIn: row.walk_in,
      questionnaireVersion: row.questionnaire_version,
      answers: row.answers_encrypted ? this.decryptAnswers(row.answers_encrypted) : null,
      consentAt: row.consent_at,
      flagsAcknowledged:
        row.flags_acknowledged_by && row.flags_acknowledged_at
          ? { by: { id: row.flags_acknowledged_by, name: staffName(this.ring, row.flags_acknowledged_by_name_encrypted) }, at: row.flags_acknowledged_at }
          : null,
      observationUntil: row.observation_until,
      version: row.version,
    };
  }

  /** New answers need a new look by the doctor: an acknowledgement of earlier answers is cleared. */
  async saveAnswers(client: SqlClient, visitId: string, questionnaireVersion: number, answers: StoredAnswers, consent: boolean): Promise<void> {
    await client.query(
      `UPDATE visit SET questionnaire_version = $2, answers_encrypted = $3, consent_at = CASE WHEN $4 THEN coalesce(consent_at, now()) END,
              flags_acknowledged_by = NULL, flags_acknowledged_at = NULL, version = version + 1
        WHERE id = $1`,
      [visitId, questionnaireVersion, visitFields.answers.encrypt(this.ring, JSON.stringify(answers)), consent],
    );
  }

  async acknowledgeFlags(client: SqlClient, visitId: string, doctor: string): Promise<void> {
    await client.query(`UPDATE visit SET flags_acknowledged_by = $2, flags_acknowledged_at = now(), version = version + 1 WHERE id = $1`, [visitId, doctor]);
  }

  async setState(
    client: SqlClient,
    visitId: string,
    state: VisitState,
    extra: { observationUntil?: Date; checkedOut?: boolean; earlyCheckOutReason?: string } = {},
  ): Promise<void> {
    await client.query(
      `UPDATE visit SET state = $2, observation_until = coalesce($3, observation_until),
              checked_out_at = CASE WHEN $4 THEN now() ELSE checked_out_at END,
              early_check_out_reason_encrypted = coalesce($5, early_check_out_reason_encrypted), version = version + 1
        WHERE id = $1`,
      [
        visitId,
        state,
        extra.observationUntil ?? null,
        extra.checkedOut ?? false,
        extra.earlyCheckOutReason ? visitFields.earlyCheckOutReason.encrypt(this.ring, extra.earlyCheckOutReason) : null,
      ],
    );
  }

  /** The first and last slot of a day: when it runs. */
  async dayWindow(
    dayId: string,
    client: SqlClient = this.sql,
  ): Promise<{ siteId: string; status: string; date: string; firstStart: Date | null; lastEnd: Date | null } | null> {
    const { rows } = await client.query<{ site_id: string; status: string; date: string; first_start: Date | null; last_end: Date | null }>(
      `SELECT d.site_id, d.status, to_char(d.date, 'YYYY-MM-DD') AS date, min(s.starts_at) AS first_start, max(s.ends_at) AS last_end
         FROM vaccination_day d LEFT JOIN slot s ON s.day_id = d.id WHERE d.id = $1 GROUP BY d.id`,
      [dayId],
    );
    const row = rows[0];
    return row ? { siteId: row.site_id, status: row.status, date: row.date, firstStart: row.first_start, lastEnd: row.last_end } : null;
  }

  /**
   * Scheduled days of the last week whose last slot ended more than `grace` (an interval) ago and
   * that still have booked appointments without a visit.
   */
  async daysToClose(grace: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ day_id: string }>(
      `SELECT s.day_id FROM slot s JOIN vaccination_day d ON d.id = s.day_id
        WHERE d.status = 'scheduled' AND d.date >= current_date - 7
        GROUP BY s.day_id
       HAVING max(s.ends_at) < now() - $1::interval
          AND EXISTS (SELECT 1 FROM appointment a JOIN slot x ON x.id = a.slot_id LEFT JOIN visit v ON v.appointment_id = a.id
                       WHERE x.day_id = s.day_id AND a.status = 'booked' AND v.id IS NULL)`,
      [grace],
    );
    return rows.map((row) => row.day_id);
  }

  /** Appointments of the day still booked without a visit whose slot has ended, or the ones named. */
  async noShowCandidates(client: PoolClient, dayId: string, appointmentIds: string[] | null): Promise<{ appointmentId: string; bookingId: string; personId: string }[]> {
    const { rows } = await client.query<{ appointment_id: string; booking_id: string; person_id: string }>(
      `SELECT a.id AS appointment_id, a.booking_id, b.person_id
         FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN booking b ON b.id = a.booking_id
         LEFT JOIN visit v ON v.appointment_id = a.id
        WHERE s.day_id = $1 AND a.status = 'booked' AND v.id IS NULL
          AND (($2::uuid[] IS NULL AND s.ends_at <= now()) OR a.id = ANY($2::uuid[]))
        FOR UPDATE OF a`,
      [dayId, appointmentIds],
    );
    return rows.map((row) => ({ appointmentId: row.appointment_id, bookingId: row.booking_id, personId: row.person_id }));
  }

  async markNoShow(client: PoolClient, dayId: string, appointmentId: string, personId: string): Promise<void> {
    await client.query(`INSERT INTO visit (appointment_id, day_id, person_id, state, no_show_at, version) VALUES ($1, $2, $3, 'no_show', now(), 1)`, [
      appointmentId,
      dayId,
      personId,
    ]);
  }

  private decryptAnswers(ciphertext: string): StoredAnswers {
    return JSON.parse(visitFields.answers.decrypt(this.ring, ciphertext)) as StoredAnswers;
  }
}
