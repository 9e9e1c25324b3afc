import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** The roster's columns as the export writes them and the import reads them first. */
export const ROSTER_COLUMNS = ['given_name', 'family_name', 'email', 'birth_date', 'employee_number', 'department', 'language'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly RosterColumn[] = ['given_name', 'family_name', 'email', 'birth_date', 'employee_number'];

/** Header spellings met in HR exports, compared without case, spaces, `_` or `-`. */
const HEADER_ALIASES: Record<string, RosterColumn> = {
  givenname: 'given_name',
  firstname: 'given_name',
  vorname: 'given_name',
  familyname: 'family_name',
  lastname: 'family_name',
  surname: 'family_name',
  nachname: 'family_name',
  email: 'email',
  emailaddress: 'email',
  birthdate: 'birth_date',
  dateofbirth: 'birth_date',
  geburtsdatum: 'birth_date',
  employeenumber: 'employee_number',
  personnelnumber: 'employee_number',
  personalnummer: 'employee_number',
  department: 'department',
  abteilung: 'department',
  language: 'language',
  sprache: 'language',
};

export interface CsvRecord {
  /** The line the record ends on, the header being line 1. */
  line: number;
  values: Partial<Record<RosterColumn, string>>;
}

export type ParsedRoster = { ok: true; columns: Set<RosterColumn>; records: CsvRecord[] } | { ok: false; problems: { row: number; field: string; message: string }[] };

/** `;` when the header line has more of them than `,` (spreadsheets in German locales write `;`). */
function separatorOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Reads a roster file: BOM, `,` or `;`, quoted fields, CRLF. Problems of the file as a whole come back instead of records. */
export function parseRoster(text: string): ParsedRoster {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with where it ends; the typings only know the plain records.
    rows = parse(text, {
      bom: true,
      delimiter: separatorOf(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError)
      return {
        ok: false,
        problems: [{ row: (error as CsvError & { lines?: number }).lines ?? 1, field: 'file', message: 'is not readable as CSV: check quotes and separators' }],
      };
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) return { ok: false, problems: [{ row: 1, field: 'file', message: 'has no header row' }] };
  const positions = header.record.map((name) => HEADER_ALIASES[name.toLowerCase().replace(/[\s_-]/g, '')]);
  const columns = new Set(positions.filter((column): column is RosterColumn => column !== undefined));
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0)
    return { ok: false, problems: missing.map((column) => ({ row: header.info.lines, field: column, message: 'column is missing from the header' })) };
  const records = data.map(({ record, info }) => {
    const values: CsvRecord['values'] = {};
    record.forEach((value, index) => {
      const column = positions[index];
      if (column && value !== '') values[column] = value;
    });
    return { line: info.lines, values };
  });
  return { ok: true, columns, records };
}

/** The roster as a CSV file with a header row, quoted where a value needs it. */
export function writeRoster(rows: Record<RosterColumn, string | null>[]): string {
  return stringify(rows, { header: true, columns: [...ROSTER_COLUMNS], record_delimiter: '\r\n', cast: { string: (value) => value } });
}
