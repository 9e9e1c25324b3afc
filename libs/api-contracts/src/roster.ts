import { type Static, Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Locale, Nullable, SingleLine, Strict } from './contract/schema';
import { PersonInput } from './person';

/** The largest roster file one import takes (about 60,000 rows of a usual roster). */
export const ROSTER_CSV_MAX = 6_000_000;

/**
 * `POST /api/people/import`: the CSV file's text. Columns (header row, any order, `,` or `;`):
 * given_name, family_name, email, birth_date, employee_number, and optionally department, language.
 * `dryRun` reports what an import would do and writes nothing.
 */
export const RosterImportRequest = contract(
  'RosterImportRequest',
  Strict({
    csv: Type.String({ minLength: 1, maxLength: ROSTER_CSV_MAX, description: 'The CSV file as text (UTF-8, a BOM is ignored)' }),
    dryRun: Type.Boolean({ description: 'true: only report, write nothing' }),
  }),
);
export type RosterImportRequest = Payload<typeof RosterImportRequest>;

/** One roster row as checked before import: a person with an employee number, and the optional columns. */
export const RosterRow = contract(
  'RosterRow',
  Type.Composite(
    [
      Type.Pick(PersonInput.schema, ['givenName', 'familyName', 'email', 'birthDate']),
      Type.Required(Type.Pick(PersonInput.schema, ['employeeNumber'])),
      Strict({ department: Type.Optional(Nullable(SingleLine(100))), language: Type.Optional(Nullable(Locale())) }),
    ],
    { additionalProperties: false },
  ),
);
export type RosterRow = Payload<typeof RosterRow>;

export const RosterRowProblem = Strict({
  row: Type.Integer({ minimum: 1, description: 'The line in the file, the header being line 1' }),
  field: Type.String({ description: 'The column, e.g. email; `file` for the file as a whole' }),
  message: Type.String(),
});
export type RosterRowProblem = Static<typeof RosterRowProblem>;

/** What an import did (or, on a dry run, would do). Rows with a problem are left out; the others are imported. */
export const RosterImportReport = contract(
  'RosterImportReport',
  Strict({
    dryRun: Type.Boolean(),
    rows: Type.Integer({ description: 'Data rows in the file' }),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    rejected: Type.Integer({ description: 'Rows left out for a problem' }),
    changed: Type.Boolean({ description: 'false when the import changes nothing (e.g. the same file again)' }),
    problems: Type.Array(RosterRowProblem, { description: 'Every problem, by row and column' }),
  }),
);
export type RosterImportReport = Payload<typeof RosterImportReport>;
