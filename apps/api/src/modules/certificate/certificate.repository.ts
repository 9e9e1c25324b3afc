import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { staffName, staffNameCiphertext } from '../auth/staff-account.repository';
import type { CertificateFacts, DoseFacts } from './certificate-facts';
import type { RevocationReason } from './certificate.entity';

export interface NewCertificate {
  certificateId: string;
  vaccinationId: string;
  personId: string;
  listedVaccinationIds: string[];
  issuedAt: Date;
  expiresAt: Date;
}

export interface Revocation {
  certificateId: string;
  revokedAt: Date;
}

interface DoseRow {
  id: string;
  person_id: string;
  status: string;
  product_name: string;
  manufacturer: string;
  eu_product_code: string;
  marketing_authorisation_holder: string;
  dose_number: number;
  series_doses: number;
  administered_at: Date;
  lot_number: string;
  vaccinator_name_encrypted: string | null;
}

interface HolderRow {
  given_name_encrypted: string;
  family_name_encrypted: string;
  birth_date_encrypted: string;
  email_encrypted: string;
  locale: 'de' | 'en' | null;
}

/** The only code that touches the certificate table, and the reads a certificate is built from. */
@Injectable()
export class CertificateRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Null when the vaccination (or its person) does not exist; `valid` is false for a superseded dose. */
  async facts(client: PoolClient, vaccinationId: string): Promise<{ facts: CertificateFacts; valid: boolean } | null> {
    const { rows } = await client.query<DoseRow>(
      `SELECT v.id, v.person_id, v.status, p.name AS product_name, p.manufacturer, p.eu_product_code, p.marketing_authorisation_holder,
              v.dose_number, v.series_doses, v.administered_at, l.lot_number, ${staffNameCiphertext('v.vaccinator')} AS vaccinator_name_encrypted
         FROM vaccination v
         JOIN vaccine_product p ON p.id = v.product_id
         JOIN lot l ON l.id = v.lot_id
        WHERE v.person_id = (SELECT person_id FROM vaccination WHERE id = $1) AND (v.status = 'valid' OR v.id = $1)
        ORDER BY v.administered_at, v.dose_number, v.id`,
      [vaccinationId],
    );
    const certifiedRow = rows.find((row) => row.id === vaccinationId);
    if (!certifiedRow) return null;
    const holder = await this.holder(client, certifiedRow.person_id);
    if (!holder) return null;
    const toDose = (row: DoseRow) => doseFacts(row, staffName(this.ring, row.vaccinator_name_encrypted));
    const certified = toDose(certifiedRow);
    const until = certified.administeredAt.getTime();
    const listed = rows.filter((row) => row.status === 'valid' && row.administered_at.getTime() <= until).map(toDose);
    return { facts: { holder: { personId: certifiedRow.person_id, ...holder }, certified, listed }, valid: certifiedRow.status === 'valid' };
  }

  async insert(client: PoolClient, certificate: NewCertificate): Promise<void> {
    await client.query(
      `INSERT INTO certificate (certificate_id, vaccination_id, person_id, listed_vaccination_ids, issued_at, expires_at)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6)`,
      [certificate.certificateId, certificate.vaccinationId, certificate.personId, certificate.listedVaccinationIds, certificate.issuedAt, certificate.expiresAt],
    );
  }

  /** Revokes every unrevoked certificate that lists the dose; answers the doses those certificates certified. */
  async revokeListing(client: PoolClient, vaccinationId: string, reason: RevocationReason): Promise<string[]> {
    const { rows } = await client.query<{ vaccination_id: string }>(
      `UPDATE certificate SET revoked_at = now(), revocation_reason = $2
        WHERE $1 = ANY(listed_vaccination_ids) AND revoked_at IS NULL
        RETURNING vaccination_id`,
      [vaccinationId, reason],
    );
    return [...new Set(rows.map((row) => row.vaccination_id))];
  }

  /** Revokes every unrevoked certificate of the person; answers the doses they certified. */
  async revokeForPerson(client: PoolClient, personId: string, reason: RevocationReason): Promise<string[]> {
    const { rows } = await client.query<{ vaccination_id: string }>(
      `UPDATE certificate SET revoked_at = now(), revocation_reason = $2
        WHERE person_id = $1 AND revoked_at IS NULL
        RETURNING vaccination_id`,
      [personId, reason],
    );
    return [...new Set(rows.map((row) => row.vaccination_id))];
  }

  /** Every revoked certificate, newest first. */
  async revocations(): Promise<Revocation[]> {
    const { rows } = await this.sql.query<{ certificate_id: string; revoked_at: Date }>(
      'SELECT certificate_id, revoked_at FROM certificate WHERE revoked_at IS NOT NULL ORDER BY revoked_at DESC, certificate_id',
    );
    return rows.map((row) => ({ certificateId: row.certificate_id, revokedAt: row.revoked_at }));
  }

  private async holder(client: PoolClient, personId: string) {
    const { rows } = await client.query<HolderRow>(
      'SELECT given_name_encrypted, family_name_encrypted, birth_date_encrypted, email_encrypted, locale FROM person WHERE id = $1',
      [personId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
      email: personFields.email.decrypt(this.ring, row.email_encrypted),
      locale: row.locale,
    };
  }
}

function doseFacts(row: DoseRow, vaccinatorName: string | null): DoseFacts {
  return {
    vaccinationId: row.id,
    productName: row.product_name,
    manufacturer: row.manufacturer,
    euProductCode: row.eu_product_code,
    marketingAuthorisationHolder: row.marketing_authorisation_holder,
    doseNumber: row.dose_number,
    seriesDoses: row.series_doses,
    administeredAt: row.administered_at,
    lotNumber: row.lot_number,
    vaccinatorName,
  };
}
