import { Inject, Injectable } from '@nestjs/common';
import type { PersonErasure, RetainedIdentity } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { PersonErasureRepository } from './person-erasure.repository';
import { PrivacyException, PrivacyExceptionCode } from './privacy.exception';

const SUBJECT = 'person';

/** Erasure on request (GDPR art. 17), limited by the duty to keep medical documentation (art. 17(3)). */
@Injectable()
export class PersonErasureService {
  constructor(
    private readonly sql: Sql,
    private readonly erasure: PersonErasureRepository,
    private readonly audit: AuditService,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  erase(personId: string): Promise<PersonErasure> {
    return this.sql.transaction(async (client) => {
      const identity = await this.erasure.lock(client, personId);
      if (!identity) throw new PrivacyException(PrivacyExceptionCode.PersonNotFound);
      if (await this.erasure.hasUpcomingAppointments(client, personId)) throw new PrivacyException(PrivacyExceptionCode.UpcomingAppointment);
      const erased = await this.erasure.erase(client, personId, identity);
      await this.audit.record(client, SUBJECT, 'erase', [personId]);
      return {
        personId,
        erasedAt: erased.erasedAt.toISOString(),
        retainedVaccinations: erased.retainedVaccinations,
        retainedUntil: erased.retainedUntil,
        deleted: erased.deleted,
      };
    });
  }

  /** Who an erased person was, for a doctor answering for the documentation kept; audited. */
  async retainedIdentity(personId: string): Promise<RetainedIdentity> {
    const { rows } = await this.sql.query<{ retained_identity_encrypted: string | null; retained_until: string | null }>(
      `SELECT retained_identity_encrypted, to_char(retained_until, 'YYYY-MM-DD') AS retained_until FROM person WHERE id = $1 AND erased_at IS NOT NULL`,
      [personId],
    );
    const row = rows[0];
    if (!row?.retained_identity_encrypted || !row.retained_until) throw new PrivacyException(PrivacyExceptionCode.NothingRetained);
    const identity = JSON.parse(personFields.retainedIdentity.decrypt(this.ring, row.retained_identity_encrypted)) as Omit<
      RetainedIdentity,
      'personId' | 'retainedUntil'
    >;
    await this.audit.record(this.sql, SUBJECT, 'read', [personId]);
    return { personId, ...identity, retainedUntil: row.retained_until };
  }
}
