import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Mailed links to a person's own data: the token goes into the mail, only its hash into the table. */
@Injectable()
export class DataAccessLinkRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** The person with this e-mail and birth date, not erased; null otherwise. */
  async personMatching(email: string, birthDate: string): Promise<{ id: string; givenName: string; familyName: string; locale: 'de' | 'en' | null } | null> {
    const { rows } = await this.sql.query<{
      id: string;
      birth_date_encrypted: string;
      given_name_encrypted: string;
      family_name_encrypted: string;
      locale: 'de' | 'en' | null;
    }>(`SELECT id, birth_date_encrypted, given_name_encrypted, family_name_encrypted, locale FROM person WHERE email_index = ANY($1) AND erased_at IS NULL`, [
      personFields.email.blindIndexCandidates(this.ring, email),
    ]);
    const row = rows[0];
    if (!row || personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted) !== birthDate) return null;
    return {
      id: row.id,
      givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      locale: row.locale,
    };
  }

  /** A new link for the person; returns the token, which is stored nowhere. */
  async create(client: PoolClient, personId: string, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await client.query('INSERT INTO data_access_link (person_id, token_hash, expires_at) VALUES ($1, $2, $3)', [personId, hashOf(token), expiresAt]);
    return token;
  }

  /** Spends the link: the person it opens, once, before it expires; null for an unknown, used or expired token. */
  async spend(client: PoolClient, token: string): Promise<string | null> {
    const { rows } = await client.query<{ person_id: string }>(
      `UPDATE data_access_link SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id`,
      [hashOf(token)],
    );
    return rows[0]?.person_id ?? null;
  }
}
