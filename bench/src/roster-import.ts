import pg from 'pg';
import { post } from './tenant-setup';

export interface RosterImportFigure {
  rows: number;
  csvBytes: number;
  /** The import of a new roster: every row a new person. */
  firstImportSeconds: number;
  rowsPerSecond: number;
  /** The same file again: every row matched, nothing written. */
  reImportSeconds: number;
  created: number;
  unchangedOnReImport: number;
  peopleStored: number;
  nameTokensStored: number;
}

/** A roster of `rows` fictitious employees, `;`-separated with a BOM and CRLF as spreadsheets write it. */
export function rosterCsv(rows: number): string {
  const lines = ['given_name;family_name;email;birth_date;employee_number;department;language'];
  for (let n = 0; n < rows; n++) {
    const day = String((n % 28) + 1).padStart(2, '0');
    lines.push(
      `Employee${n};Roster-Müller ${n % 500};employee-${n}@bench.example;19${60 + (n % 40)}-0${(n % 9) + 1}-${day};B-${n};"Plant ${n % 12}";${n % 3 === 0 ? 'en' : 'de'}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Imports a roster of `rows` employees through the API, then the same file again. */
export async function rosterImport(baseUrl: string, databaseUrl: string, adminToken: string, rows: number): Promise<RosterImportFigure> {
  const csv = rosterCsv(rows);
  const first = await timed(() => post(baseUrl, '/api/people/import', { csv, dryRun: false }, adminToken) as Promise<{ created: number }>);
  const again = await timed(() => post(baseUrl, '/api/people/import', { csv, dryRun: false }, adminToken) as Promise<{ unchanged: number }>);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    return {
      rows,
      csvBytes: Buffer.byteLength(csv),
      firstImportSeconds: first.seconds,
      rowsPerSecond: Math.round(rows / first.seconds),
      reImportSeconds: again.seconds,
      created: first.value.created,
      unchangedOnReImport: again.value.unchanged,
      peopleStored: await count('person'),
      nameTokensStored: await count('person_name_token'),
    };
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000 };
}
