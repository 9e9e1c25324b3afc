import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { staffFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  /** Null while an invitation is open, and for accounts that sign in through the identity provider. */
  passwordHash: string | null;
  roles: StaffRole[];
  mustChangePassword: boolean;
  locale: 'de' | 'en' | null;
  deactivatedAt: Date | null;
  lastSignInAt: Date | null;
  /** When the newest unused invitation link expires, if one is open. */
  invitationExpiresAt: Date | null;
}

export type NewStaffAccount = Pick<StaffAccount, 'email' | 'displayName' | 'passwordHash' | 'roles' | 'mustChangePassword'> & { locale?: 'de' | 'en' | null };

interface StaffAccountRow {
  id: string;
  email_encrypted: string;
  display_name_encrypted: string;
  password_hash: string | null;
  roles: StaffRole[];
  must_change_password: boolean;
  locale: 'de' | 'en' | null;
  deactivated_at: Date | null;
  last_sign_in_at: Date | null;
  invitation_expires_at: Date | null;
}

/**
 * SQL for the encrypted display name of the staff account whose id is in `subjectColumn` (a text
 * column holding an actor subject): other tables name who did a step by subject, people read names.
 */
export function staffNameCiphertext(subjectColumn: string): string {
  return `(SELECT sa.display_name_encrypted FROM staff_account sa WHERE sa.id::text = ${subjectColumn})`;
}

/** The name from `staffNameCiphertext`, or null when the subject is no staff account of this tenant (system, identity provider). */
export function staffName(ring: FieldKeyRing, ciphertext: string | null | undefined): string | null {
  return ciphertext ? staffFields.displayName.decrypt(ring, ciphertext) : null;
}

const COLUMNS = `id, email_encrypted, display_name_encrypted, password_hash, roles, must_change_password, locale, deactivated_at, last_sign_in_at,
  (SELECT max(expires_at) FROM staff_link_token t WHERE t.account_id = staff_account.id AND t.purpose = 'invitation' AND t.used_at IS NULL) AS invitation_expires_at`;

/** The only code that touches the staff_account table. */
@Injectable()
export class StaffAccountRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async findByEmail(email: string): Promise<StaffAccount | null> {
    const { rows } = await this.sql.query<StaffAccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE email_index = ANY($1) LIMIT 1`, [
      staffFields.email.blindIndexCandidates(this.ring, email),
    ]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  async findById(id: string, db: SqlClient = this.sql): Promise<StaffAccount | null> {
    const { rows } = await db.query<StaffAccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE id = $1`, [id]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  async list(): Promise<StaffAccount[]> {
    const { rows } = await this.sql.query<StaffAccountRow>(`SELECT ${COLUMNS} FROM staff_account ORDER BY created_at`);
    return rows.map((row) => this.decrypt(row));
  }

  /** Inserts unless the e-mail is taken; returns null when it is. */
  async insert(account: NewStaffAccount, db: SqlClient = this.sql): Promise<StaffAccount | null> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO staff_account (email_encrypted, email_index, display_name_encrypted, password_hash, roles, must_change_password, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        staffFields.email.encrypt(this.ring, account.email),
        staffFields.email.blindIndex(this.ring, account.email),
        staffFields.displayName.encrypt(this.ring, account.displayName),
        account.passwordHash,
        account.roles,
        account.mustChangePassword,
        account.locale ?? null,
      ],
    );
    const id = rows[0]?.id;
    return id ? { locale: null, ...account, id, deactivatedAt: null, lastSignInAt: null, invitationExpiresAt: null } : null;
  }

  async countWithRole(role: StaffRole): Promise<number> {
    const { rows } = await this.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM staff_account WHERE $1 = ANY(roles)', [role]);
    return rows[0]?.count ?? 0;
  }

  /**
   * Sets the roles unless that leaves no active admin; one statement, so two admins demoting each
   * other at once cannot both succeed. 'last_admin' when it would.
   */
  async setRoles(db: SqlClient, id: string, roles: StaffRole[]): Promise<'changed' | 'not_found' | 'last_admin'> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['staff_account:admins']);
    const { rows } = await db.query<{ id: string }>(
      `UPDATE staff_account SET roles = $2, updated_at = now() WHERE id = $1 AND deactivated_at IS NULL
         AND ('admin' = ANY($2::text[]) OR EXISTS (
           SELECT 1 FROM staff_account other WHERE other.id <> $1 AND other.deactivated_at IS NULL AND 'admin' = ANY(other.roles)))
       RETURNING id`,
      [id, roles],
    );
    if (rows[0]) return 'changed';
    return (await this.findById(id, db))?.deactivatedAt === null ? 'last_admin' : 'not_found';
  }

  /** Deactivates the account unless it is the last active admin; its sessions and open links end with it. */
  async deactivate(db: SqlClient, id: string): Promise<'deactivated' | 'not_found' | 'last_admin'> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['staff_account:admins']);
    const { rows } = await db.query<{ id: string }>(
      `UPDATE staff_account SET deactivated_at = now(), updated_at = now() WHERE id = $1 AND deactivated_at IS NULL
         AND (NOT 'admin' = ANY(roles) OR EXISTS (
           SELECT 1 FROM staff_account other WHERE other.id <> $1 AND other.deactivated_at IS NULL AND 'admin' = ANY(other.roles)))
       RETURNING id`,
      [id],
    );
    if (!rows[0]) return (await this.findById(id, db))?.deactivatedAt === null ? 'last_admin' : 'not_found';
    await db.query('UPDATE staff_session SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [id]);
    await db.query('UPDATE staff_link_token SET used_at = now() WHERE account_id = $1 AND used_at IS NULL', [id]);
    return 'deactivated';
  }

  async setPassword(id: string, passwordHash: string, db: SqlClient = this.sql): Promise<void> {
    await db.query('UPDATE staff_account SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1', [id, passwordHash]);
  }

  async markSignedIn(id: string): Promise<void> {
    await this.sql.query('UPDATE staff_account SET last_sign_in_at = now(), updated_at = now() WHERE id = $1', [id]);
  }

  private decrypt(row: StaffAccountRow): StaffAccount {
    return {
      id: row.id,
      email: staffFields.email.decrypt(this.ring, row.email_encrypted),
      displayName: staffFields.displayName.decrypt(this.ring, row.display_name_encrypted),
      passwordHash: row.password_hash,
      roles: row.roles,
      mustChangePassword: row.must_change_password,
      locale: row.locale,
      deactivatedAt: row.deactivated_at,
      lastSignInAt: row.last_sign_in_at,
      invitationExpiresAt: row.invitation_expires_at,
    };
  }
}
