import type { PeopleFound, RosterImportReport } from '@vaccinate/api-contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const HEADER = 'Given name;Family name;E-Mail;Birth date;Employee number;Department;Language';
const GOOD_ROWS = [
  '"Zoë";"Müller-Lüdenscheidt";zoe.mueller@acme.example;1990-03-04;E-2001;"Research; Lab 2";de',
  'Björn;Åkesson;bjorn.akesson@acme.example;12.07.1982;E-2002;;en',
  'Carla;"Nuñez ""Cici""";carla.nunez@acme.example;1979-11-23;E-2003;Sales;',
];
// Row 5: no e-mail address; row 6: a birth date in the future and an unknown language.
const BAD_ROWS = ['Dan;Ocean;not-an-email;1970-01-01;E-2004;;', 'Eve;Future;eve@acme.example;2999-01-01;E-2005;;xx'];
const ROSTER = `\uFEFF${[HEADER, ...GOOD_ROWS, ...BAD_ROWS].join('\r\n')}\r\n`;

describe('employee roster', () => {
  let api: RunningApi;
  let admin: string;
  let assistant: string;
  let db: pg.Client;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'roster'));
    [admin, assistant] = await Promise.all([staffToken(api, ['admin']), staffToken(api, ['assistant'])]);
    db = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  async function importRoster(csv: string, dryRun: boolean, token = admin): Promise<{ status: number; report: RosterImportReport }> {
    const response = await api.request('/api/people/import', { token, body: { csv, dryRun } });
    return { status: response.status, report: (await response.json()) as RosterImportReport };
  }

  async function search(body: Record<string, string>): Promise<PeopleFound['items']> {
    const response = await api.request('/api/people/search', { token: assistant, body });
    expect(response.status).toBe(200);
    return ((await response.json()) as PeopleFound).items;
  }

  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('previews without writing, then imports the good rows and reports the two bad ones by row and column', async () => {
    const before = await count('person');
    const preview = await importRoster(ROSTER, true);
    expect(preview.status).toBe(200);
    expect(preview.report).toMatchObject({ dryRun: true, rows: 5, created: 3, updated: 0, unchanged: 0, rejected: 2, changed: true });
    expect(await count('person')).toBe(before);

    const { report } = await importRoster(ROSTER, false);
    expect(report).toMatchObject({ dryRun: false, rows: 5, created: 3, updated: 0, unchanged: 0, rejected: 2, changed: true });
    expect(report.problems).toEqual([
      { row: 5, field: 'email', message: expect.any(String) },
      { row: 6, field: 'birth_date', message: expect.any(String) },
      { row: 6, field: 'language', message: expect.any(String) },
    ]);
    expect(await count('person')).toBe(before + 3);
    const [zoe] = await search({ email: 'zoe.mueller@acme.example' });
    expect(zoe).toMatchObject({ givenName: 'Zoë', familyName: 'Müller-Lüdenscheidt', birthDate: '1990-03-04', employeeNumber: 'E-2001' });
    const [bjorn] = await search({ employeeNumber: ' e-2002 ' });
    expect(bjorn).toMatchObject({ givenName: 'Björn', birthDate: '1982-07-12' });
  });

  it('changes nothing when the same file comes again, and says so', async () => {
    const versions = await db.query('SELECT id, version FROM person ORDER BY id');
    const { report } = await importRoster(ROSTER, false);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 2, changed: false });
    expect((await db.query('SELECT id, version FROM person ORDER BY id')).rows).toEqual(versions.rows);
  });

  it('updates a person matched by employee number, keeping the earlier record in the history', async () => {
    const moved = `${HEADER}\r\n"Zoë";"Müller-Lüdenscheidt";zoe.mueller@acme.example;1990-03-04;E-2001;Production;de\r\n`;
    const { report } = await importRoster(moved, false);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, changed: true });
    const renamed = `${HEADER}\r\nZoe;Mueller;zoe.m@acme.example;1990-03-04;E-2001;Production;de\r\n`;
    expect((await importRoster(renamed, false)).report).toMatchObject({ updated: 1 });
    const [zoe] = await search({ employeeNumber: 'E-2001' });
    expect(zoe).toMatchObject({ givenName: 'Zoe', familyName: 'Mueller', email: 'zoe.m@acme.example', version: 3 });
    expect(await search({ name: 'müller-lüd' })).toEqual([]);
    expect((await search({ name: 'mue zo' })).map((person) => person.id)).toEqual([zoe?.id]);
  });

  it('finds people by name prefixes, diacritics folded, and audits every search', async () => {
    const found = await search({ name: 'AKE' });
    expect(found.map((person) => person.familyName)).toEqual(['Åkesson']);
    expect((await search({ name: 'nun carl' })).map((person) => person.givenName)).toEqual(['Carla']);
    expect(await search({ name: 'nun bj' })).toEqual([]);
    const audited = await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE action = 'person.search' AND subject_id = $1", [found[0]?.id]);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('stores names only as ciphertext and the search tokens only as keyed hashes', async () => {
    const { rows: columns } = await db.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'person_name_token' ORDER BY column_name",
    );
    expect(columns).toEqual([
      { column_name: 'person_id', data_type: 'uuid' },
      { column_name: 'token', data_type: 'text' },
    ]);
    const { rows } = await db.query<{ token: string }>('SELECT token FROM person_name_token');
    expect(rows.length).toBeGreaterThan(0);
    for (const { token } of rows) expect(token).toMatch(/^v\d+:[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify((await db.query('SELECT * FROM person')).rows) + JSON.stringify(rows);
    for (const plain of ['Björn', 'bjorn', 'Åkesson', 'akesson', 'ake', 'Carla', 'carla', 'Nuñez', 'nunez', 'Research', 'Sales', 'E-2003', 'carla.nunez']) {
      expect(dump).not.toContain(plain);
    }
  });

  it('writes the tokens of people registered before the search existed', async () => {
    const [carla] = await search({ email: 'carla.nunez@acme.example' });
    await db.query('DELETE FROM person_name_token WHERE person_id = $1', [carla?.id]);
    const restarted = await startTestApi(api.tenant);
    try {
      const response = await restarted.request('/api/people/search', { token: await staffToken(restarted, ['assistant']), body: { name: 'carl' } });
      expect(((await response.json()) as PeopleFound).items.map((person) => person.id)).toEqual([carla?.id]);
    } finally {
      await restarted.close();
    }
  });

  it('exports the roster as CSV, audited, to admins only', async () => {
    const refused = await api.request('/api/people/export', { token: assistant });
    expect(refused.status).toBe(403);
    expect((await importRoster(ROSTER, true, assistant)).status).toBe(403);
    const response = await api.request('/api/people/export', { token: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('given_name,family_name,email,birth_date,employee_number,department,language');
    expect(csv).toContain('Carla,"Nuñez ""Cici""",carla.nunez@acme.example,1979-11-23,E-2003,Sales,');
    const exported = await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE action = 'person.export'");
    expect(Number(exported.rows[0]?.n)).toBe(await count('person'));
    // The export reads back as an import that changes nothing.
    expect((await importRoster(csv, true)).report).toMatchObject({ changed: false, rejected: 0 });
  });

  it('reports a file without the required columns instead of importing part of it', async () => {
    const { status, report } = await importRoster('email,given_name\nx@acme.example,X\n', false);
    expect(status).toBe(200);
    expect(report.problems.map((problem) => problem.field)).toEqual(['family_name', 'birth_date', 'employee_number']);
    expect(report).toMatchObject({ created: 0, changed: false });
  });
});
