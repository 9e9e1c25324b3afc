import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { staffFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  mustChangePassword: boolean;
}

interface StaffAccountRow {
  id: string;
  email_encrypted: string;
  display_name_encrypted: string;
  password_hash: string;
  roles: StaffRole[];
  must_change_password: boolean;
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

const COLUMNS = 'id, email_encrypted, display_name_encrypted, password_hash, roles, must_change_password';

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

  async findById(id: string): Promise<StaffAccount | null> {
    const { rows } = await this.sql.query<StaffAccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE id = $1`, [id]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  async list(): Promise<StaffAccount[]> {
    const { rows } = await this.sql.query<StaffAccountRow>(`SELECT ${COLUMNS} FROM staff_account ORDER BY created_at`);
    return rows.map((row) => this.decrypt(row));
  }

  /** Inserts unless the e-mail is taken; returns null when it is. */
  async insert(account: Omit<StaffAccount, 'id'>): Promise<StaffAccount | null> {
    const { rows } = await this.sql.query<{ id: string }>(
      `INSERT INTO staff_account (email_encrypted, email_index, display_name_encrypted, password_hash, roles, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [
        staffFields.email.encrypt(this.ring, account.email),
        staffFields.email.blindIndex(this.ring, account.email),
        staffFields.displayName.encrypt(this.ring, account.displayName),
        account.passwordHash,
        account.roles,
        account.mustChangePassword,
      ],
    );
    const id = rows[0]?.id;
    return id ? { ...account, id } : null;
  }

  async countWithRole(role: StaffRole): Promise<number> {
    const { rows } = await this.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM staff_account WHERE $1 = ANY(roles)', [role]);
    return rows[0]?.count ?? 0;
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.sql.query('UPDATE staff_account SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1', [id, passwordHash]);
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
    };
  }
}
