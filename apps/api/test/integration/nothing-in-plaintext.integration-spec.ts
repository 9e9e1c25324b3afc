import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

// Distinctive values, so a hit in a dump or a log can only come from them.
const people = [
  {
    givenName: 'Philippa',
    familyName: 'Quennell-Smythe',
    email: 'p.quennell@acme.example',
    birthDate: '1977-03-14',
    phone: '+49 171 5550199',
    employeeNumber: 'ACME-77031',
  },
  { givenName: 'Zbigniew', familyName: 'Wróblewski', email: 'zbig.wro@acme.example', birthDate: '1969-11-02', phone: '+48 601 555 203', employeeNumber: 'ACME-69112' },
];
// The phone numbers also as the API stores them, in E.164.
const secretsSent = people.flatMap((p) => [p.givenName, p.familyName, p.email, p.birthDate, p.phone, p.phone.replaceAll(' ', ''), p.employeeNumber]);

describe('personal data at rest and in logs', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'plain'));
    const token = await staffToken(api, ['doctor']);
    for (const person of people) {
      const created = await api.request('/api/people', { token, body: person });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await api.request(`/api/people/${id}`, { token });
      await api.request('/api/people/search', { token, body: { email: person.email } });
      await api.request(`/api/people/${id}`, { method: 'PATCH', token, body: { phone: person.phone, version: 1 } });
    }
    // A refused request echoes nothing it was sent either.
    await api.request('/api/people', { token, body: { ...people[0], birthDate: 'yesterday' } });
  });
  afterAll(() => api?.close());

  it('stores no name, e-mail, birth date, phone or employee number in any column of any table', async () => {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['person', 'audit_event', 'staff_account']));
      let dump = '';
      for (const { table_name } of tables) {
        const { rows } = await client.query(`SELECT * FROM "${table_name}"`);
        dump += JSON.stringify(rows);
      }
      expect(dump).toContain('enc:v1:');
      const lowerDump = dump.toLowerCase();
      for (const value of secretsSent) expect(lowerDump, 'a personal value is in the database').not.toContain(value.toLowerCase());
    } finally {
      await client.end();
    }
  });

  it('writes none of them to the log, which still has a line per request', async () => {
    const log = api.logs.join('');
    expect(api.logs.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(9);
    for (const value of secretsSent) expect(log, 'a personal value is in the log').not.toContain(value);
  });
});
