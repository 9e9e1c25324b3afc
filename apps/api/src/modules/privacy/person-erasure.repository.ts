import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { deriveTokenKey, type PersonalData } from '@vaccinate/certificate-token';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { normalizeEmail } from '@vaccinate/field-encryption';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { bookingFields, certificateLinkFields, outboxFields, personFields, registrationFields } from '../../database/encrypted-fields';

/** How long vaccination documentation is kept after the last vaccination (German medical records, § 630f BGB). */
export const DOCUMENTATION_YEARS = 10;

export interface ErasedPerson {
  erasedAt: Date;
  retainedVaccinations: number;
  retainedUntil: string | null;
  deleted: { registrations: number; standbyMemberships: number; mails: number; certificateLinks: number; revisions: number; questionnaireAnswers: number };
}

interface PersonRow {
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  birth_date_encrypted: string;
}

/**
 * Erasure's SQL, all in the caller's transaction. Deletes what no law requires; keeps the
 * vaccinations (and the visits and reactions they document) under a person row that holds no
 * personal field, with the identity sealed under its own context for doctors.
 */
@Injectable()
export class PersonErasureRepository {
  constructor(
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The person's row, locked; null when there is none or it is already erased. */
  async lock(client: PoolClient, personId: string): Promise<(PersonalData & { email: string }) | null> {
    const { rows } = await client.query<PersonRow>(
      `SELECT given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted FROM person WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
      [personId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      email: personFields.email.decrypt(this.ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
    };
  }

  /** Booked appointments still ahead: their places must be given back through a cancellation first. */
  async hasUpcomingAppointments(client: PoolClient, personId: string): Promise<boolean> {
    const { rows } = await client.query(
      `SELECT 1 FROM appointment a JOIN booking b ON b.id = a.booking_id JOIN slot s ON s.id = a.slot_id
        WHERE b.person_id = $1 AND a.status = 'booked' AND s.starts_at > now() LIMIT 1`,
      [personId],
    );
    return rows.length > 0;
  }

  async erase(client: PoolClient, personId: string, identity: PersonalData & { email: string }): Promise<ErasedPerson> {
    const count = async (text: string, params: unknown[]) => (await client.query(text, params)).rowCount ?? 0;
    const bookingIds = (await client.query<{ id: string }>('SELECT id FROM booking WHERE person_id = $1', [personId])).rows.map((row) => row.id);

    // Registrations found by e-mail or by booking go, and their standby memberships with them (cascade).
    const { rows: registrations } = await client.query<{ id: string; members: number }>(
      `SELECT r.id, (SELECT count(*)::int FROM standby_member m WHERE m.registration_id = r.id) AS members
         FROM registration r WHERE r.email_index = ANY($1) OR r.booking_id = ANY($2::uuid[])`,
      [registrationFields.email.blindIndexCandidates(this.ring, identity.email), bookingIds],
    );
    await client.query('DELETE FROM registration WHERE id = ANY($1::uuid[])', [registrations.map((r) => r.id)]);
    const bookingMembers = await count('DELETE FROM standby_member WHERE booking_id = ANY($1::uuid[])', [bookingIds]);

    const mails = await this.deleteMails(client, identity.email);
    const certificateLinks = await this.deleteCertificateLinks(client, identity);
    const revisions = await count('DELETE FROM person_revision WHERE person_id = $1', [personId]);
    await client.query('DELETE FROM data_access_link WHERE person_id = $1', [personId]);
    // Answers of a visit that led to no vaccination document nothing the law keeps.
    const questionnaireAnswers = await count(
      `UPDATE visit v SET answers_encrypted = NULL WHERE v.person_id = $1 AND v.answers_encrypted IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM vaccination x WHERE x.visit_id = v.id)`,
      [personId],
    );
    // A booking keeps its place in the day's history, not its manage link.
    for (const bookingId of bookingIds) {
      await client.query('UPDATE booking SET manage_token_hash = $2, manage_token_encrypted = $3, idempotency_key = NULL WHERE id = $1', [
        bookingId,
        `erased:${randomUUID()}`,
        bookingFields.manageToken.encrypt(this.ring, ''),
      ]);
    }

    const { rows: documented } = await client.query<{ count: number; retained_until: string | null }>(
      `SELECT count(*)::int AS count, to_char(max(administered_at) + make_interval(years => $2), 'YYYY-MM-DD') AS retained_until
         FROM vaccination WHERE person_id = $1`,
      [personId, DOCUMENTATION_YEARS],
    );
    const retainedVaccinations = documented[0]?.count ?? 0;
    const retainedUntil = retainedVaccinations > 0 ? (documented[0]?.retained_until ?? null) : null;
    const retainedIdentity =
      retainedUntil === null
        ? null
        : personFields.retainedIdentity.encrypt(
            this.ring,
            JSON.stringify({ givenName: identity.givenName, familyName: identity.familyName, birthDate: identity.birthDate }),
          );
    const empty = (codec: { encrypt: (ring: FieldKeyRing, value: string) => string }) => codec.encrypt(this.ring, '');
    const { rows: erased } = await client.query<{ erased_at: Date }>(
      `UPDATE person SET given_name_encrypted = $2, family_name_encrypted = $3, email_encrypted = $4, email_index = $5,
              birth_date_encrypted = $6, phone_encrypted = NULL, employee_number_encrypted = NULL, employee_number_index = NULL,
              locale = NULL, erased_at = now(), retained_identity_encrypted = $7, retained_until = $8, version = version + 1
        WHERE id = $1 RETURNING erased_at`,
      [
        personId,
        empty(personFields.givenName),
        empty(personFields.familyName),
        empty(personFields.email),
        `erased:${personId}`,
        empty(personFields.birthDate),
        retainedIdentity,
        retainedUntil,
      ],
    );
    return {
      erasedAt: erased[0]?.erased_at ?? new Date(),
      retainedVaccinations,
      retainedUntil,
      deleted: {
        registrations: registrations.length,
        standbyMemberships: bookingMembers + registrations.reduce((sum, r) => sum + r.members, 0),
        mails,
        certificateLinks,
        revisions,
        questionnaireAnswers,
      },
    };
  }

  /** Mails carry no person id: each one's recipient is decrypted and compared. */
  private async deleteMails(client: PoolClient, email: string): Promise<number> {
    const wanted = normalizeEmail(email);
    const { rows } = await client.query<{ id: string; payload_encrypted: string }>('SELECT id::text, payload_encrypted FROM outbox_message');
    const ids = rows
      .filter((row) => {
        const payload = JSON.parse(outboxFields.payload.decrypt(this.ring, row.payload_encrypted)) as { to?: { email?: string } };
        return payload.to?.email !== undefined && normalizeEmail(payload.to.email) === wanted;
      })
      .map((row) => row.id);
    if (ids.length === 0) return 0;
    return (await client.query('DELETE FROM outbox_message WHERE id = ANY($1::bigint[])', [ids])).rowCount ?? 0;
  }

  /**
   * A short certificate link holds the person's token, which names nobody until opened with their
   * details: the links the person's details open are theirs. The certificate itself stays valid in
   * the holder's hands.
   */
  private async deleteCertificateLinks(client: PoolClient, personalData: PersonalData): Promise<number> {
    const { rows } = await client.query<{ id: string; token_encrypted: string }>('SELECT id, token_encrypted FROM certificate_link');
    const ids: string[] = [];
    for (const row of rows) {
      if (await this.opens(certificateLinkFields.token.decrypt(this.ring, row.token_encrypted), personalData)) ids.push(row.id);
    }
    if (ids.length === 0) return 0;
    return (await client.query('DELETE FROM certificate_link WHERE id = ANY($1::uuid[])', [ids])).rowCount ?? 0;
  }

  private async opens(token: string, personalData: PersonalData): Promise<boolean> {
    try {
      const header = decodeProtectedHeader(token);
      const secret = this.config.certificates.secret;
      if (header.kid !== secret.id || typeof header.salt !== 'string') return false;
      await compactDecrypt(token, deriveTokenKey(secret, new Uint8Array(Buffer.from(header.salt, 'base64url')), personalData));
      return true;
    } catch {
      return false;
    }
  }
}
