import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { createHash, randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { certificateLinkFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';

/** 128 random bits, 22 base64url characters: a link of about 60 characters instead of several thousand. */
export function newCertificateReference(): string {
  return randomBytes(16).toString('base64url');
}

function hashOf(reference: string): string {
  return createHash('sha256').update(reference).digest('base64url');
}

/** The certificate_link table: written with the certificate, read by the page that exchanges a reference. */
@Injectable()
export class CertificateLinkRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async insert(client: PoolClient, reference: string, token: string, expiresAt: Date): Promise<void> {
    await client.query('INSERT INTO certificate_link (reference_hash, token_encrypted, expires_at) VALUES ($1, $2, $3)', [
      hashOf(reference),
      certificateLinkFields.token.encrypt(this.ring, token),
      expiresAt,
    ]);
  }

  /** The token a reference stands for while it has not expired; null otherwise. */
  async tokenFor(reference: string): Promise<{ token: string; expiresAt: Date } | null> {
    const { rows } = await this.sql.query<{ token_encrypted: string; expires_at: Date }>(
      'SELECT token_encrypted, expires_at FROM certificate_link WHERE reference_hash = $1 AND expires_at > now()',
      [hashOf(reference)],
    );
    const row = rows[0];
    return row ? { token: certificateLinkFields.token.decrypt(this.ring, row.token_encrypted), expiresAt: row.expires_at } : null;
  }
}
