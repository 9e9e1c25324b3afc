import { Inject, Injectable } from '@nestjs/common';
import type { CreateBookingRequest, Person, PersonHistory, PersonInput } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, personRevisionFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import { staffName, staffNameCiphertext } from '../auth/staff-account.repository';
import { PersonNameTokenRepository } from './person-name-token.repository';
import { PersonException, PersonExceptionCode } from './person.exception';

/** What a public form knows of a person, the employee number settled to null; staff add the phone later. */
export type NewPerson = Omit<CreateBookingRequest['person'], 'employeeNumber'> & {
  employeeNumber: string | null;
  /** The language of the page they used; absent or null keeps what they chose before. */
  locale?: PersonLocale | null;
};

export type PersonLocale = 'de' | 'en';

type PersonRevision = PersonHistory['revisions'][number];

interface RevisionRow {
  version: number;
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  birth_date_encrypted: string;
  reason_encrypted: string;
  changed_by: string;
  changed_by_name_encrypted: string | null;
  changed_at: Date;
}

interface PersonRow {
  id: string;
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  birth_date_encrypted: string;
  phone_encrypted: string | null;
  employee_number_encrypted: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `id, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, phone_encrypted,
                 employee_number_encrypted, created_at, updated_at, version`;
const UNIQUE_VIOLATION = '23505';

/**
 * Writes the person table (with `PersonRosterRepository` for roster imports); encrypts on the way in,
 * decrypts on the way out, and keeps the name-search tokens in step with the names.
 */
@Injectable()
export class PersonRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    private readonly nameTokens: PersonNameTokenRepository,
  ) {}

  async insert(db: SqlClient, input: PersonInput): Promise<Person> {
    const sealed = this.encrypt(input);
    const { rows } = await this.translateConflicts(() =>
      db.query<PersonRow>(
        `INSERT INTO person (given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                             phone_encrypted, employee_number_encrypted, employee_number_index, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING ${COLUMNS}`,
        sealed,
      ),
    );
    const person = this.decrypt(rows[0] as PersonRow);
    await this.nameTokens.insert(db, [person]);
    return person;
  }

  /**
   * The booking path: inserts the person, or (same e-mail) returns the existing one, of which a public
   * form changes only the language: it never overwrites what staff may have corrected. Null when the
   * employee number belongs to someone else. The same statements as a group-committed batch.
   */
  async insertUnlessKnown(db: SqlClient, person: NewPerson): Promise<string | null> {
    const { ids } = await this.insertManyUnlessKnown(db, [person]);
    return ids[0] ?? null;
  }

  /** The person's language from now on, for every mail; a no-op when it is already theirs. */
  async setLocale(db: SqlClient, personId: string, locale: PersonLocale): Promise<void> {
    await db.query('UPDATE person SET locale = $2 WHERE id = $1 AND locale IS DISTINCT FROM $2', [personId, locale]);
  }

  /** The language the person chose, or null when they never did. */
  async localeOf(db: SqlClient, personId: string): Promise<PersonLocale | null> {
    const { rows } = await db.query<{ locale: PersonLocale | null }>('SELECT locale FROM person WHERE id = $1', [personId]);
    return rows[0]?.locale ?? null;
  }

  /**
   * `insertUnlessKnown` for many people in one statement (a group-committed batch of bookings): the
   * id of each, null where the employee number belongs to someone else. The same e-mail twice is one
   * person. `inserted` holds the ids this call created, which the caller removes again if it ends up
   * booking nothing for them.
   */
  async insertManyUnlessKnown(db: SqlClient, people: NewPerson[]): Promise<{ ids: (string | null)[]; inserted: Set<string> }> {
    const ring = this.ring;
    const sealed = people.map((person) => ({
      emailIndex: personFields.email.blindIndex(ring, person.email),
      values: [
        personFields.givenName.encrypt(ring, person.givenName),
        personFields.familyName.encrypt(ring, person.familyName),
        personFields.email.encrypt(ring, person.email),
        personFields.email.blindIndex(ring, person.email),
        personFields.birthDate.encrypt(ring, person.birthDate),
        person.employeeNumber ? personFields.employeeNumber.encrypt(ring, person.employeeNumber) : null,
        person.employeeNumber ? personFields.employeeNumber.blindIndex(ring, person.employeeNumber) : null,
        person.locale ?? null,
      ],
    }));
    // Rows in index order, so two batches naming the same people wait for each other instead of deadlocking.
    const ordered = [...sealed].sort((a, b) => (a.emailIndex < b.emailIndex ? -1 : a.emailIndex > b.emailIndex ? 1 : 0));
    const values = ordered.map((_, row) => `(${Array.from({ length: 8 }, (_, column) => `$${row * 8 + column + 1}`).join(', ')}, 1)`).join(', ');
    const { rows } = await db.query<{ id: string; email_index: string }>(
      `INSERT INTO person (given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                           employee_number_encrypted, employee_number_index, locale, version)
       VALUES ${values} ON CONFLICT DO NOTHING RETURNING id, email_index`,
      ordered.flatMap((row) => row.values),
    );
    const byIndex = new Map(rows.map((row) => [row.email_index, row.id]));
    const inserted = new Set(byIndex.values());
    await this.nameTokens.insert(
      db,
      sealed.flatMap((row, i) => {
        const id = byIndex.get(row.emailIndex);
        const person = people[i];
        return id && person ? [{ id, givenName: person.givenName, familyName: person.familyName }] : [];
      }),
    );
    const unknown = people.filter((_, i) => !byIndex.has(sealed[i]?.emailIndex ?? ''));
    if (unknown.length > 0) {
      const { rows: known } = await db.query<{ id: string; email_index: string }>('SELECT id, email_index FROM person WHERE email_index = ANY($1)', [
        unknown.flatMap((person) => personFields.email.blindIndexCandidates(ring, person.email)),
      ]);
      for (const row of known) byIndex.set(row.email_index, row.id);
    }
    const ids = people.map((person, i) => {
      const own = byIndex.get(sealed[i]?.emailIndex ?? '');
      if (own) return own;
      return (
        personFields.email
          .blindIndexCandidates(ring, person.email)
          .map((index) => byIndex.get(index))
          .find(Boolean) ?? null
      );
    });
    // A known person who chose a language on this page keeps it from now on (a public form changes nothing else).
    const chosen = people.flatMap((person, i) => {
      const id = ids[i];
      return id && !inserted.has(id) && person.locale ? [{ id, locale: person.locale }] : [];
    });
    if (chosen.length > 0) {
      await db.query(
        `UPDATE person SET locale = chosen.locale FROM unnest($1::uuid[], $2::text[]) AS chosen(id, locale)
         WHERE person.id = chosen.id AND person.locale IS DISTINCT FROM chosen.locale`,
        [chosen.map((one) => one.id), chosen.map((one) => one.locale)],
      );
    }
    return { ids, inserted };
  }

  /** The id of the person with this e-mail, under any configured key. */
  async idByEmail(db: SqlClient, email: string): Promise<string | null> {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM person WHERE email_index = ANY($1)', [personFields.email.blindIndexCandidates(this.ring, email)]);
    return rows[0]?.id ?? null;
  }

  async findById(id: string, db: SqlClient = this.sql): Promise<Person | null> {
    const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE id = $1 AND erased_at IS NULL`, [id]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  /** Who a person is, for staff at the desk: names and birth date, nothing else decrypted. */
  async identity(id: string): Promise<Pick<Person, 'id' | 'givenName' | 'familyName' | 'birthDate'> | null> {
    const { rows } = await this.sql.query<Pick<PersonRow, 'given_name_encrypted' | 'family_name_encrypted' | 'birth_date_encrypted'>>(
      'SELECT given_name_encrypted, family_name_encrypted, birth_date_encrypted FROM person WHERE id = $1 AND erased_at IS NULL',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id,
      givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
    };
  }

  /** Reads the record and locks it for the rest of the transaction; null when it does not exist. */
  async lockForChange(db: SqlClient, id: string): Promise<Person | null> {
    const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [id]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const { rows } = await this.sql.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE email_index = ANY($1) LIMIT 1`, [
      personFields.email.blindIndexCandidates(this.ring, email),
    ]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  async findByEmployeeNumber(employeeNumber: string): Promise<Person | null> {
    const { rows } = await this.sql.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE employee_number_index = ANY($1) LIMIT 1`, [
      personFields.employeeNumber.blindIndexCandidates(this.ring, employeeNumber),
    ]);
    return rows[0] ? this.decrypt(rows[0]) : null;
  }

  /** The people with these ids, in family-name order (ordered after decryption: the database cannot sort ciphertext). */
  async findByIds(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.sql.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE id = ANY($1::uuid[])`, [ids]);
    return rows
      .map((row) => this.decrypt(row))
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName) || a.id.localeCompare(b.id));
  }

  /** Writes the name-search tokens of everyone who has none under the current key; returns how many. */
  backfillNameTokens(): Promise<number> {
    return this.sql.transaction((client) =>
      this.nameTokens.backfill(client, (rows) =>
        rows.map((row) => ({
          id: row.id,
          givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
          familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
        })),
      ),
    );
  }

  async list(limit: number, offset: number): Promise<{ items: Person[]; total: number }> {
    const [page, count] = await Promise.all([
      this.sql.query<PersonRow>(`SELECT ${COLUMNS} FROM person WHERE erased_at IS NULL ORDER BY created_at DESC, id ASC LIMIT $1 OFFSET $2`, [limit, offset]),
      this.sql.query<{ total: number }>('SELECT count(*)::int AS total FROM person WHERE erased_at IS NULL'),
    ]);
    return { items: page.rows.map((row) => this.decrypt(row)), total: count.rows[0]?.total ?? 0 };
  }

  /** Writes the merged record only if nobody changed it since `expectedVersion`: one conditional statement. */
  async update(db: SqlClient, id: string, merged: PersonInput, expectedVersion: number): Promise<Person> {
    const { rows } = await this.translateConflicts(() =>
      db.query<PersonRow>(
        `UPDATE person SET given_name_encrypted = $1, family_name_encrypted = $2, email_encrypted = $3, email_index = $4,
                           birth_date_encrypted = $5, phone_encrypted = $6, employee_number_encrypted = $7,
                           employee_number_index = $8, version = version + 1, updated_at = now()
          WHERE id = $9 AND version = $10 RETURNING ${COLUMNS}`,
        [...this.encrypt(merged), id, expectedVersion],
      ),
    );
    if (!rows[0]) throw new PersonException(PersonExceptionCode.VersionConflict);
    const person = this.decrypt(rows[0]);
    await this.nameTokens.replace(db, [person]);
    return person;
  }

  /** Earlier versions of the record with the reasons they changed, newest first; null when the person does not exist. */
  async revisions(personId: string): Promise<PersonRevision[] | null> {
    const exists = await this.sql.query('SELECT 1 FROM person WHERE id = $1 AND erased_at IS NULL', [personId]);
    if (!exists.rowCount) return null;
    const { rows } = await this.sql.query<RevisionRow>(
      `SELECT version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted, reason_encrypted, changed_by, changed_at,
              ${staffNameCiphertext('changed_by')} AS changed_by_name_encrypted
         FROM person_revision WHERE person_id = $1 ORDER BY changed_at DESC, version DESC`,
      [personId],
    );
    const ring = this.ring;
    return rows.map((row) => ({
      version: row.version,
      givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
      email: personFields.email.decrypt(ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      reason: personRevisionFields.reason.decrypt(ring, row.reason_encrypted),
      changedBy: row.changed_by,
      changedByName: staffName(ring, row.changed_by_name_encrypted),
      changedAt: row.changed_at.toISOString(),
    }));
  }

  /** Keeps the record as it is now, with why it is about to change. */
  async saveRevision(db: SqlClient, id: string, reason: string, changedBy: string): Promise<void> {
    await db.query(
      `INSERT INTO person_revision (person_id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
                                    phone_encrypted, employee_number_encrypted, reason_encrypted, changed_by)
       SELECT id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
              phone_encrypted, employee_number_encrypted, $2, $3
         FROM person WHERE id = $1`,
      [id, personRevisionFields.reason.encrypt(this.ring, reason), changedBy],
    );
  }

  /** The eight column values in the order of the statements above. */
  private encrypt(input: PersonInput): (string | null)[] {
    const ring = this.ring;
    const employeeNumber = input.employeeNumber?.trim() || null;
    return [
      personFields.givenName.encrypt(ring, input.givenName),
      personFields.familyName.encrypt(ring, input.familyName),
      personFields.email.encrypt(ring, input.email),
      personFields.email.blindIndex(ring, input.email),
      personFields.birthDate.encrypt(ring, input.birthDate),
      personFields.phone.encryptOptional(ring, input.phone),
      personFields.employeeNumber.encryptOptional(ring, employeeNumber),
      employeeNumber ? personFields.employeeNumber.blindIndex(ring, employeeNumber) : null,
    ];
  }

  private decrypt(row: PersonRow): Person {
    const ring = this.ring;
    return {
      id: row.id,
      givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
      email: personFields.email.decrypt(ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      phone: personFields.phone.decryptOptional(ring, row.phone_encrypted),
      employeeNumber: personFields.employeeNumber.decryptOptional(ring, row.employee_number_encrypted),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  }

  private async translateConflicts<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'uq_person_email_index') throw new PersonException(PersonExceptionCode.EmailTaken);
      if (code === UNIQUE_VIOLATION && constraint === 'uq_person_employee_number_index') {
        throw new PersonException(PersonExceptionCode.EmployeeNumberTaken);
      }
      throw error;
    }
  }
}
