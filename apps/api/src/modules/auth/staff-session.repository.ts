import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@vaccinate/api-contracts';
import { Sql, type SqlClient } from '../../database/sql';

export interface OpenSession {
  id: string;
  startedAt: Date;
  expiresAt: Date;
}

/** What a request may do under a session that is still open: read from the account, not from the token. */
export interface SessionGrant {
  roles: StaffRole[];
  mustChangePassword: boolean;
}

/** The only code that touches the staff_session table. */
@Injectable()
export class StaffSessionRepository {
  constructor(private readonly sql: Sql) {}

  async start(accountId: string, ttlSeconds: number): Promise<OpenSession> {
    // Each sign-in clears the account's sessions that ended or expired a month ago: the table stays as small as the staff.
    await this.sql.query(`DELETE FROM staff_session WHERE account_id = $1 AND coalesce(ended_at, expires_at) < now() - interval '30 days'`, [accountId]);
    const { rows } = await this.sql.query<{ id: string; started_at: Date; expires_at: Date }>(
      `INSERT INTO staff_session (account_id, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING id, started_at, expires_at`,
      [accountId, ttlSeconds],
    );
    const row = rows[0];
    if (!row) throw new Error('no session row returned');
    return { id: row.id, startedAt: row.started_at, expiresAt: row.expires_at };
  }

  /** Moves the session's end to match a token issued again within it (a password change). */
  async extend(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.sql.query('UPDATE staff_session SET expires_at = now() + make_interval(secs => $2) WHERE id = $1 AND ended_at IS NULL', [sessionId, ttlSeconds]);
  }

  /** One indexed lookup per request: null once the session ended or expired, or the account was deactivated. */
  async grant(sessionId: string, accountId: string): Promise<SessionGrant | null> {
    const { rows } = await this.sql.query<{ roles: StaffRole[]; must_change_password: boolean }>(
      `SELECT a.roles, a.must_change_password FROM staff_session s JOIN staff_account a ON a.id = s.account_id
       WHERE s.id = $1 AND s.account_id = $2 AND s.ended_at IS NULL AND s.expires_at > now() AND a.deactivated_at IS NULL`,
      [sessionId, accountId],
    );
    const row = rows[0];
    return row ? { roles: row.roles, mustChangePassword: row.must_change_password } : null;
  }

  async listOpen(accountId: string): Promise<OpenSession[]> {
    const { rows } = await this.sql.query<{ id: string; started_at: Date; expires_at: Date }>(
      `SELECT id, started_at, expires_at FROM staff_session WHERE account_id = $1 AND ended_at IS NULL AND expires_at > now() ORDER BY started_at DESC`,
      [accountId],
    );
    return rows.map((row) => ({ id: row.id, startedAt: row.started_at, expiresAt: row.expires_at }));
  }

  /** Ends one of the account's own sessions; false when it has none open by that id. */
  async end(accountId: string, sessionId: string): Promise<boolean> {
    const { rowCount } = await this.sql.query('UPDATE staff_session SET ended_at = now() WHERE id = $1 AND account_id = $2 AND ended_at IS NULL', [sessionId, accountId]);
    return (rowCount ?? 0) > 0;
  }

  async endAll(db: SqlClient, accountId: string): Promise<void> {
    await db.query('UPDATE staff_session SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [accountId]);
  }
}
