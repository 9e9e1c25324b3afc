import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, personRevisionFields } from '../../database/encrypted-fields';
import type { SqlClient } from '../../database/sql';
import { PersonNameTokenRepository } from './person-name-token.repository';
import { PersonException, PersonExceptionCode } from './person.exception';
import type { PersonLocale } from './person.repository';

/** A person as the roster knows them. */
export interface RosterPerson {
  givenName: string;
  familyName: string;
  email: string;
  birthDate: string;
  employeeNumber: string;
  department: string | null;
  locale: PersonLocale | null;
}

/** A person already registered, with the blind indexes the import matches rows by. */
export interface KnownRosterPerson extends RosterPerson {
  id: string;
  emailIndex: string;
  employeeNumberIndex: string | null;
}

interface RosterRow {
  id: string;
  email_index: string;
  employee_number_index: string | null;
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  birth_date_encrypted: string;
  employee_number_encrypted: string | null;
  department_encrypted: string | null;
  locale: PersonLocale | null;
}

const ROSTER_COLUMNS = `id, email_index, employee_number_index, given_name_encrypted, family_name_encrypted, email_encrypted,
                        birth_date_encrypted, employee_number_encrypted, department_encrypted, locale`;
const IMPORT_REASON = 'Employee roster import';

/** The person table's set-based reads and writes for the employee roster: one statement per step, whatever the number of rows. */
@Injectable()
export class PersonRosterRepository {
  constructor(
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    private readonly nameTokens: PersonNameTokenRepository,
  ) {}

  /** The people registered under any of these e-mail addresses or employee numbers (matched by blind index under every key). */
  async findKnown(db: SqlClient, emails: readonly string[], employeeNumbers: readonly string[]): Promise<KnownRosterPerson[]> {
    const ring = this.ring;
    const { rows } = await db.query<RosterRow>(`SELECT ${ROSTER_COLUMNS} FROM person WHERE email_index = ANY($1) OR employee_number_index = ANY($2)`, [
      emails.flatMap((email) => personFields.email.blindIndexCandidates(ring, email)),
      employeeNumbers.flatMap((number) => personFields.employeeNumber.blindIndexCandidates(ring, number)),
    ]);
    return rows.map((row) => this.decrypt(row));
  }

  /** Every person, for the roster export. */
  async all(db: SqlClient): Promise<KnownRosterPerson[]> {
    const { rows } = await db.query<RosterRow>(`SELECT ${ROSTER_COLUMNS} FROM person ORDER BY created_at, id`);
    return rows.map((row) => this.decrypt(row));
  }

  /** Inserts the people in one multi-row statement; returns their ids in the same order. */
  async insertMany(db: SqlClient, people: readonly RosterPerson[]): Promise<string[]> {
    if (people.length === 0) return [];
    const columns = this.columnArrays(people);
    const { rows } = await translateConflicts(() =>
      db.query<{ id: string; email_index: string }>(
        `INSERT INTO person (given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                           employee_number_encrypted, employee_number_index, department_encrypted, locale, version)
       SELECT *, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       RETURNING id, email_index`,
        columns,
      ),
    );
    const idByEmailIndex = new Map(rows.map((row) => [row.email_index, row.id]));
    const ids = (columns[3] as string[]).map((emailIndex) => idByEmailIndex.get(emailIndex) ?? '');
    await this.nameTokens.insert(
      db,
      people.map((person, i) => ({ id: ids[i] ?? '', givenName: person.givenName, familyName: person.familyName })),
    );
    return ids;
  }

  /** Keeps each person's current record in their history, then writes the roster's values: three statements for any number. */
  async updateMany(db: SqlClient, changes: readonly (RosterPerson & { id: string })[], changedBy: string): Promise<void> {
    if (changes.length === 0) return;
    const ids = changes.map((change) => change.id);
    await db.query(
      `INSERT INTO person_revision (person_id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
                                    phone_encrypted, employee_number_encrypted, reason_encrypted, changed_by)
       SELECT id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
              phone_encrypted, employee_number_encrypted, $2, $3
         FROM person WHERE id = ANY($1::uuid[])`,
      [ids, personRevisionFields.reason.encrypt(this.ring, IMPORT_REASON), changedBy],
    );
    await translateConflicts(() =>
      db.query(
        `UPDATE person SET given_name_encrypted = change.given_name_encrypted, family_name_encrypted = change.family_name_encrypted,
                         email_encrypted = change.email_encrypted, email_index = change.email_index,
                         birth_date_encrypted = change.birth_date_encrypted, employee_number_encrypted = change.employee_number_encrypted,
                         employee_number_index = change.employee_number_index, department_encrypted = change.department_encrypted,
                         locale = change.locale, version = person.version + 1, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[])
              AS change(given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                        employee_number_encrypted, employee_number_index, department_encrypted, locale, id)
        WHERE person.id = change.id`,
        [...this.columnArrays(changes), ids],
      ),
    );
    await this.nameTokens.replace(db, changes);
  }

  /** The nine column arrays of `insertMany` and `updateMany`, sealed. */
  private columnArrays(people: readonly RosterPerson[]): (string | null)[][] {
    const ring = this.ring;
    const columns: (string | null)[][] = Array.from({ length: 9 }, () => []);
    for (const person of people) {
      const values = [
        personFields.givenName.encrypt(ring, person.givenName),
        personFields.familyName.encrypt(ring, person.familyName),
        personFields.email.encrypt(ring, person.email),
        personFields.email.blindIndex(ring, person.email),
        personFields.birthDate.encrypt(ring, person.birthDate),
        personFields.employeeNumber.encrypt(ring, person.employeeNumber),
        personFields.employeeNumber.blindIndex(ring, person.employeeNumber),
        personFields.department.encryptOptional(ring, person.department),
        person.locale,
      ];
      values.forEach((value, column) => columns[column]?.push(value));
    }
    return columns;
  }

  private decrypt(row: RosterRow): KnownRosterPerson {
    const ring = this.ring;
    return {
      id: row.id,
      emailIndex: row.email_index,
      employeeNumberIndex: row.employee_number_index,
      givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
      familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
      email: personFields.email.decrypt(ring, row.email_encrypted),
      birthDate: personFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      employeeNumber: personFields.employeeNumber.decryptOptional(ring, row.employee_number_encrypted) ?? '',
      department: personFields.department.decryptOptional(ring, row.department_encrypted),
      locale: row.locale,
    };
  }
}

/** Another import or registration took an e-mail or employee number since the rows were matched: a 409, not a 500. */
async function translateConflicts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'uq_person_email_index') throw new PersonException(PersonExceptionCode.EmailTaken);
    if (code === '23505' && constraint === 'uq_person_employee_number_index') throw new PersonException(PersonExceptionCode.EmployeeNumberTaken);
    throw error;
  }
}
