import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '../../database/sql';
import type { StaffLinkPurpose } from './staff-link-token.entity';

/** A fresh opaque link token: 256 random bits, 43 base64url characters. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The only code that touches the staff_link_token table. Tokens are stored as their hash only. */
@Injectable()
export class StaffLinkTokenRepository {
  /** Issues a link for the account; any earlier open link of the account stops working. */
  async issue(db: SqlClient, accountId: string, purpose: StaffLinkPurpose, token: string, ttlSeconds: number): Promise<Date> {
    await db.query('UPDATE staff_link_token SET used_at = now() WHERE account_id = $1 AND used_at IS NULL', [accountId]);
    await db.query(`DELETE FROM staff_link_token WHERE account_id = $1 AND least(used_at, expires_at) < now() - interval '30 days'`, [accountId]);
    const { rows } = await db.query<{ expires_at: Date }>(
      `INSERT INTO staff_link_token (account_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
      [accountId, purpose, hashOf(token), ttlSeconds],
    );
    const expiresAt = rows[0]?.expires_at;
    if (!expiresAt) throw new Error('no link row returned');
    return expiresAt;
  }

  /** Uses the link up, once: null when it is unknown, used, superseded or expired. */
  async consume(db: SqlClient, token: string): Promise<{ accountId: string; purpose: StaffLinkPurpose } | null> {
    const { rows } = await db.query<{ account_id: string; purpose: StaffLinkPurpose }>(
      `UPDATE staff_link_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id, purpose`,
      [hashOf(token)],
    );
    const row = rows[0];
    return row ? { accountId: row.account_id, purpose: row.purpose } : null;
  }
}
