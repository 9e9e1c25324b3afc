import { Injectable } from '@nestjs/common';
import { RosterRow, type RosterImportReport, type RosterRowProblem } from '@vaccinate/api-contracts';
import { normalizeEmail, normalizeIdentifier } from '@vaccinate/field-encryption';
import { currentActor } from '../../common/request-context';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { PersonRosterRepository, type KnownRosterPerson, type RosterPerson } from './person-roster.repository';
import { parseRoster, writeRoster, type CsvRecord, type RosterColumn } from './roster-csv.util';

const SUBJECT = 'person';
const COLUMN_OF_FIELD: Record<string, RosterColumn> = {
  givenName: 'given_name',
  familyName: 'family_name',
  email: 'email',
  birthDate: 'birth_date',
  employeeNumber: 'employee_number',
  department: 'department',
  language: 'language',
};
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A dry run's way out of its transaction: everything it wrote is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly report: RosterImportReport) {
    super('dry run');
  }
}

interface CheckedRow {
  line: number;
  person: RosterPerson;
}

/** Dates as spreadsheets in German locales write them (31.12.1985) are read as ISO dates. */
function isoDate(value: string | undefined): string | undefined {
  const match = value ? GERMAN_DATE.exec(value) : null;
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : value;
}

function samePerson(a: RosterPerson, b: RosterPerson): boolean {
  return (
    a.givenName === b.givenName &&
    a.familyName === b.familyName &&
    a.email === b.email &&
    a.birthDate === b.birthDate &&
    normalizeIdentifier(a.employeeNumber) === normalizeIdentifier(b.employeeNumber) &&
    a.department === b.department &&
    a.locale === b.locale
  );
}

/**
 * The employee roster: import of an HR file, matched to the people already registered by e-mail or
 * employee number (blind indexes), so importing the same file again changes nothing; and its export.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly roster: PersonRosterRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
  ) {}

  /** Imports every row without a problem; a dry run answers the same report and writes nothing. */
  async import(csv: string, dryRun: boolean): Promise<RosterImportReport> {
    const parsed = parseRoster(csv);
    if (!parsed.ok) return { dryRun, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, changed: false, problems: parsed.problems };
    const problems: RosterRowProblem[] = [];
    const checked = this.check(parsed.records, parsed.columns, problems);
    try {
      return await this.sql.transaction(async (client) => {
        const known = await this.roster.findKnown(
          client,
          checked.map((row) => row.person.email),
          checked.map((row) => row.person.employeeNumber),
        );
        const { creates, updates, unchanged } = this.match(checked, known, parsed.columns, problems);
        const createdIds = await this.roster.insertMany(client, creates);
        await this.roster.updateMany(client, updates, currentActor());
        await this.audit.record(client, SUBJECT, 'create', createdIds);
        await this.audit.record(
          client,
          SUBJECT,
          'update',
          updates.map((update) => update.id),
        );
        problems.sort((a, b) => a.row - b.row);
        const report: RosterImportReport = {
          dryRun,
          rows: parsed.records.length,
          created: creates.length,
          updated: updates.length,
          unchanged,
          rejected: new Set(problems.map((problem) => problem.row)).size,
          changed: creates.length + updates.length > 0,
          problems,
        };
        if (dryRun) throw new DryRunRollback(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      throw error;
    }
  }

  /** Every person as a roster file; audited as an export of each. */
  async export(): Promise<string> {
    const people = await this.roster.all(this.sql);
    await this.audit.record(
      this.sql,
      SUBJECT,
      'export',
      people.map((person) => person.id),
    );
    return writeRoster(
      people.map((person) => ({
        given_name: person.givenName,
        family_name: person.familyName,
        email: person.email,
        birth_date: person.birthDate,
        employee_number: person.employeeNumber || null,
        department: person.department,
        language: person.locale,
      })),
    );
  }

  /** Checks each row against the contract and against the rows above it; a row with a problem is left out. */
  private check(records: CsvRecord[], columns: Set<RosterColumn>, problems: RosterRowProblem[]): CheckedRow[] {
    const emailLine = new Map<string, number>();
    const numberLine = new Map<string, number>();
    const checked: CheckedRow[] = [];
    for (const { line, values } of records) {
      const candidate = {
        givenName: values.given_name,
        familyName: values.family_name,
        email: values.email,
        birthDate: isoDate(values.birth_date),
        employeeNumber: values.employee_number,
        ...(columns.has('department') ? { department: values.department ?? null } : {}),
        ...(columns.has('language') ? { language: values.language?.toLowerCase() ?? null } : {}),
      };
      const validation = RosterRow.validate(candidate);
      if (!validation.ok) {
        for (const problem of validation.problems) {
          const field = COLUMN_OF_FIELD[problem.field.split(/[./[]/)[0] ?? ''] ?? problem.field;
          problems.push({ row: line, field, message: problem.message });
        }
        continue;
      }
      const row = validation.value;
      const email = normalizeEmail(row.email);
      const number = normalizeIdentifier(row.employeeNumber ?? '');
      const earlier = emailLine.get(email) ?? numberLine.get(number);
      if (earlier !== undefined) {
        const field = emailLine.has(email) ? 'email' : 'employee_number';
        problems.push({ row: line, field, message: `is already on row ${earlier} of this file` });
        continue;
      }
      emailLine.set(email, line);
      numberLine.set(number, line);
      checked.push({
        line,
        person: {
          givenName: row.givenName,
          familyName: row.familyName,
          email: row.email,
          birthDate: row.birthDate,
          employeeNumber: row.employeeNumber ?? '',
          department: row.department ?? null,
          locale: row.language ?? null,
        },
      });
    }
    return checked;
  }

  /** Sorts the rows into new people, changed people and people as they are; a row naming two different people is a problem. */
  private match(checked: CheckedRow[], known: KnownRosterPerson[], columns: Set<RosterColumn>, problems: RosterRowProblem[]) {
    const byEmail = new Map<string, KnownRosterPerson>();
    const byNumber = new Map<string, KnownRosterPerson>();
    for (const person of known) {
      byEmail.set(normalizeEmail(person.email), person);
      if (person.employeeNumber) byNumber.set(normalizeIdentifier(person.employeeNumber), person);
    }
    const creates: RosterPerson[] = [];
    const updates: (RosterPerson & { id: string })[] = [];
    let unchanged = 0;
    for (const { line, person } of checked) {
      const byMail = byEmail.get(normalizeEmail(person.email));
      const byNum = byNumber.get(normalizeIdentifier(person.employeeNumber));
      if (byMail && byNum && byMail.id !== byNum.id) {
        problems.push({ row: line, field: 'employee_number', message: 'belongs to another person than the e-mail address' });
        continue;
      }
      const existing = byMail ?? byNum;
      if (!existing) {
        creates.push(person);
        continue;
      }
      // A column the file does not have keeps what is stored.
      const incoming: RosterPerson = {
        ...person,
        department: columns.has('department') ? person.department : existing.department,
        locale: columns.has('language') ? (person.locale ?? existing.locale) : existing.locale,
      };
      if (samePerson(incoming, existing)) unchanged++;
      else updates.push({ ...incoming, id: existing.id });
    }
    return { creates, updates, unchanged };
  }
}
