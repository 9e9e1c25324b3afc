import { normalizeEmail, normalizeIdentifier, type FieldKeyRing } from '@vaccinate/field-encryption';
import type { SqlClient } from './sql';

/** A ciphertext column, the context it is sealed to, and the blind index computed from its plaintext, if any. */
export interface EncryptedColumn {
  table: string;
  column: string;
  context: string;
  index?: { column: string; purpose: string; normalize: (value: string) => string };
}

const email = (column: string, purpose: string): EncryptedColumn['index'] => ({ column, purpose, normalize: normalizeEmail });
const PERSON_FIELDS = (table: string): EncryptedColumn[] => [
  { table, column: 'given_name_encrypted', context: 'person.givenName' },
  { table, column: 'family_name_encrypted', context: 'person.familyName' },
  { table, column: 'birth_date_encrypted', context: 'person.birthDate' },
  { table, column: 'phone_encrypted', context: 'person.phone' },
];

/**
 * Every encrypted column of the tenant database. A key can only be retired once nothing is sealed
 * under it any more, so `reencrypt` walks all of them; a test fails when a `*_encrypted` column is missing here.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  ...PERSON_FIELDS('person'),
  { table: 'person', column: 'email_encrypted', context: 'person.email', index: email('email_index', 'person.email') },
  {
    table: 'person',
    column: 'employee_number_encrypted',
    context: 'person.employeeNumber',
    index: { column: 'employee_number_index', purpose: 'person.employeeNumber', normalize: normalizeIdentifier },
  },
  ...PERSON_FIELDS('person_revision'),
  { table: 'person_revision', column: 'email_encrypted', context: 'person.email' },
  { table: 'person_revision', column: 'employee_number_encrypted', context: 'person.employeeNumber' },
  { table: 'person_revision', column: 'reason_encrypted', context: 'personRevision.reason' },
  { table: 'registration', column: 'given_name_encrypted', context: 'registration.givenName' },
  { table: 'registration', column: 'family_name_encrypted', context: 'registration.familyName' },
  { table: 'registration', column: 'email_encrypted', context: 'registration.email', index: email('email_index', 'registration.email') },
  { table: 'registration', column: 'birth_date_encrypted', context: 'registration.birthDate' },
  { table: 'registration', column: 'phone_encrypted', context: 'registration.phone' },
  { table: 'registration', column: 'profile_encrypted', context: 'registration.profile' },
  { table: 'staff_account', column: 'email_encrypted', context: 'staff.email', index: email('email_index', 'staff.email') },
  { table: 'staff_account', column: 'display_name_encrypted', context: 'staff.displayName' },
  { table: 'booking', column: 'manage_token_encrypted', context: 'booking.manageToken' },
  { table: 'visit', column: 'answers_encrypted', context: 'visit.answers' },
  { table: 'vaccination', column: 'dose_number_reason_encrypted', context: 'vaccination.doseNumberReason' },
  { table: 'vaccination', column: 'correction_reason_encrypted', context: 'vaccination.correctionReason' },
  { table: 'adverse_reaction', column: 'description_encrypted', context: 'adverseReaction.description' },
  { table: 'outbox_message', column: 'payload_encrypted', context: 'outbox.payload' },
  { table: 'standby_member', column: 'given_name_encrypted', context: 'standby_member.givenName' },
  { table: 'standby_member', column: 'email_encrypted', context: 'standby_member.email' },
  { table: 'standby_member', column: 'phone_encrypted', context: 'standby_member.phone' },
  { table: 'standby_member', column: 'birth_date_encrypted', context: 'standby_member.birthDate' },
];

/**
 * Rewrites every value sealed under an older key (and every blind index computed with one) under
 * the current key, in batches, one row per statement so a long run never holds a wide lock.
 * Returns how many values were rewritten per `table.column`.
 */
export async function reencryptFields(sql: SqlClient, ring: FieldKeyRing, batchSize = 500): Promise<Record<string, number>> {
  const rewritten: Record<string, number> = {};
  for (const field of ENCRYPTED_COLUMNS) {
    const key = `${field.table}.${field.column}`;
    rewritten[key] = 0;
    const staleIndex = field.index ? ` OR split_part(${field.index.column}, ':', 1) <> $1` : '';
    for (;;) {
      const { rows } = await sql.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${field.column} AS value FROM ${field.table}
          WHERE ${field.column} IS NOT NULL AND (split_part(${field.column}, ':', 2) <> $1${staleIndex})
          LIMIT $2`,
        [ring.currentVersion, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const plaintext = ring.decrypt(row.value, field.context);
        const sealed = ring.encrypt(plaintext, field.context);
        if (field.index) {
          await sql.query(`UPDATE ${field.table} SET ${field.column} = $2, ${field.index.column} = $3 WHERE id = $1`, [
            row.id,
            sealed,
            ring.blindIndex(field.index.normalize(plaintext), field.index.purpose),
          ]);
        } else {
          await sql.query(`UPDATE ${field.table} SET ${field.column} = $2 WHERE id = $1`, [row.id, sealed]);
        }
        rewritten[key] += 1;
      }
    }
  }
  return rewritten;
}
