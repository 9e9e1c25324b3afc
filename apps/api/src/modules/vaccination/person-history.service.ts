import { Inject, Injectable } from '@nestjs/common';
import type { PersonHistory } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, personRevisionFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { PersonException, PersonExceptionCode } from '../people/person.exception';
import { VaccinationRepository } from './vaccination.repository';

interface RevisionRow {
  version: number;
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  birth_date_encrypted: string;
  reason_encrypted: string;
  changed_by: string;
  changed_at: Date;
}

/** A person's record over time: earlier versions of their details and every version of every dose, each with its reason. */
@Injectable()
export class PersonHistoryService {
  constructor(
    private readonly vaccinations: VaccinationRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async history(personId: string): Promise<PersonHistory> {
    const exists = await this.sql.query('SELECT 1 FROM person WHERE id = $1', [personId]);
    if (!exists.rowCount) throw new PersonException(PersonExceptionCode.NotFound);
    const { rows } = await this.sql.query<RevisionRow>(
      `SELECT version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, reason_encrypted, changed_by, changed_at
         FROM person_revision WHERE person_id = $1 ORDER BY changed_at DESC, version DESC`,
      [personId],
    );
    const ring = this.ring;
    const history: PersonHistory = {
      personId,
      revisions: rows.map((row) => ({
        version: row.version,
        givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
        familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
        email: personFields.email.decrypt(ring, row.email_encrypted),
        birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
        reason: personRevisionFields.reason.decrypt(ring, row.reason_encrypted),
        changedBy: row.changed_by,
        changedAt: row.changed_at.toISOString(),
      })),
      vaccinations: await this.vaccinations.forPerson(personId),
    };
    await this.audit.record(this.sql, 'person', 'read', [personId]);
    return history;
  }
}
