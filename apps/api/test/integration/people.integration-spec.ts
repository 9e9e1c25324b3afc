import type { Person, PersonPage, ProblemDetails } from '@vaccinate/api-contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personFields } from '../../src/database/encrypted-fields';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const ada = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada.lovelace@acme.example', birthDate: '1985-12-10' };

describe('people', () => {
  let api: RunningApi;
  let assistant: string;
  let doctor: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'people'));
    [assistant, doctor] = await Promise.all([staffToken(api, ['assistant']), staffToken(api, ['doctor'])]);
  });
  afterAll(() => api?.close());

  async function sql<R extends pg.QueryResultRow>(text: string, params: unknown[]): Promise<R[]> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      return (await client.query<R>(text, params)).rows;
    } finally {
      await client.end();
    }
  }
  const personRows = (id: string) => sql<{ phone_encrypted: string | null }>('SELECT phone_encrypted FROM person WHERE id = $1', [id]);

  async function auditActions(personId: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ action: string }>('SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id', [personId]);
      return rows.map((row) => row.action);
    } finally {
      await client.end();
    }
  }

  it('creates, reads, lists, searches and updates a person, auditing each access', async () => {
    const created = await api.request('/api/people', { token: assistant, body: { ...ada, employeeNumber: 'E-1001' } });
    expect(created.status).toBe(201);
    const person = (await created.json()) as Person;
    expect(person).toMatchObject({ ...ada, employeeNumber: 'E-1001', phone: null, version: 1 });

    const read = (await (await api.request(`/api/people/${person.id}`, { token: assistant })).json()) as Person;
    expect(read).toEqual(person);

    const page = (await (await api.request('/api/people?limit=10', { token: assistant })).json()) as PersonPage;
    expect(page.items.map((p) => p.id)).toContain(person.id);
    expect(page).toMatchObject({ limit: 10, offset: 0 });

    const search = await api.request('/api/people/search', { token: assistant, body: { email: ' ADA.Lovelace@acme.example ' } });
    expect(((await search.json()) as { items: Person[] }).items.map((p) => p.id)).toEqual([person.id]);
    const miss = await api.request('/api/people/search', { token: assistant, body: { email: 'nobody@acme.example' } });
    expect(await miss.json()).toEqual({ items: [] });

    const patched = await api.request(`/api/people/${person.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { familyName: 'King', version: 1, reason: 'Married name' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ givenName: 'Ada', familyName: 'King', version: 2 });

    expect(await auditActions(person.id)).toEqual(['person.create', 'person.read', 'person.list', 'person.search', 'person.correct']);
  });

  it('refuses a stale version without changing the record', async () => {
    const person = (await (await api.request('/api/people', { token: assistant, body: { ...ada, email: 'grace@acme.example' } })).json()) as Person;
    const first = await api.request(`/api/people/${person.id}`, { method: 'PATCH', token: doctor, body: { givenName: 'Grace', version: 1, reason: 'Typo at sign-up' } });
    expect(first.status).toBe(200);
    const stale = await api.request(`/api/people/${person.id}`, { method: 'PATCH', token: doctor, body: { givenName: 'Other', version: 1, reason: 'Typo at sign-up' } });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ProblemDetails).code).toBe('person.version_conflict');
    const current = (await (await api.request(`/api/people/${person.id}`, { token: doctor })).json()) as Person;
    expect(current).toMatchObject({ givenName: 'Grace', version: 2 });
  });

  it('answers invalid input with problem+json listing every bad field, and writes nothing', async () => {
    const before = ((await (await api.request('/api/people?limit=1', { token: assistant })).json()) as PersonPage).total;
    const response = await api.request('/api/people', {
      token: assistant,
      body: { givenName: '', familyName: 'X', email: 'not-an-email', birthDate: '2999-01-01', shoeSize: 44 },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as ProblemDetails;
    expect(problem.code).toBe('request.invalid');
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['birthDate', 'email', 'givenName', 'shoeSize']);
    expect(JSON.stringify(problem)).not.toContain('not-an-email');
    const after = ((await (await api.request('/api/people?limit=1', { token: assistant })).json()) as PersonPage).total;
    expect(after).toBe(before);
  });

  it('reads a phone number into E.164 (a national one as German: the default holiday region is DE), keeps it encrypted, and refuses one that is none with a field problem', async () => {
    const created = await api.request('/api/people', { token: assistant, body: { ...ada, email: 'phone@acme.example', phone: ' 030 123-4567 ' } });
    expect(created.status).toBe(201);
    const person = (await created.json()) as Person;
    expect(person.phone).toBe('+49301234567');
    const international = await api.request(`/api/people/${person.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { phone: '0043 664 123 4567', version: 1, reason: 'New number' },
    });
    expect(((await international.json()) as Person).phone).toBe('+436641234567');
    const [stored] = await personRows(person.id);
    expect(stored?.phone_encrypted).toMatch(/^enc:v1:/);
    expect(personFields.phone.decrypt(api.config.fieldKeys, stored?.phone_encrypted ?? '')).toBe('+436641234567');

    const refusedNew = await api.request('/api/people', { token: assistant, body: { ...ada, email: 'nophone@acme.example', phone: 'call me maybe' } });
    expect(refusedNew.status).toBe(400);
    expect(refusedNew.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await refusedNew.json()) as ProblemDetails;
    expect(problem.errors).toEqual([{ field: 'phone', message: expect.stringContaining('phone number'), rule: 'format:phone-e164' }]);
    expect(JSON.stringify(problem)).not.toContain('call me maybe');
    const search = await api.request('/api/people/search', { token: assistant, body: { email: 'nophone@acme.example' } });
    expect(await search.json()).toEqual({ items: [] });

    const refusedChange = await api.request(`/api/people/${person.id}`, { method: 'PATCH', token: doctor, body: { phone: '+49 12', version: 2, reason: 'Typo' } });
    expect(refusedChange.status).toBe(400);
    expect(((await refusedChange.json()) as ProblemDetails).errors?.map((e) => e.field)).toEqual(['phone']);
    expect(((await (await api.request(`/api/people/${person.id}`, { token: doctor })).json()) as Person).phone).toBe('+436641234567');
  });

  it('keeps a number stored before E.164 as it was typed until the phone itself is changed', async () => {
    const person = (await (await api.request('/api/people', { token: assistant, body: { ...ada, email: 'legacy@acme.example' } })).json()) as Person;
    const typed = '030/123 45 67 app. 12';
    await sql('UPDATE person SET phone_encrypted = $2 WHERE id = $1', [person.id, personFields.phone.encrypt(api.config.fieldKeys, typed)]);
    expect(((await (await api.request(`/api/people/${person.id}`, { token: doctor })).json()) as Person).phone).toBe(typed);
    const renamed = await api.request(`/api/people/${person.id}`, { method: 'PATCH', token: doctor, body: { familyName: 'Byron', version: 1, reason: 'Married name' } });
    expect(await renamed.json()).toMatchObject({ familyName: 'Byron', phone: typed });
    const renumbered = await api.request(`/api/people/${person.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { phone: '030 1234567', version: 2, reason: 'Asked again' },
    });
    expect(((await renumbered.json()) as Person).phone).toBe('+49301234567');
  });

  it('answers a duplicate e-mail, malformed JSON, a bad id and an unknown id with 4xx problems', async () => {
    await api.request('/api/people', { token: assistant, body: { ...ada, email: 'dup@acme.example' } });
    const duplicate = await api.request('/api/people', { token: assistant, body: { ...ada, email: 'DUP@acme.example' } });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as ProblemDetails).errors).toEqual([{ field: 'email', message: expect.any(String) }]);

    const malformed = await api.request('/api/people', {
      method: 'POST',
      token: assistant,
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    expect(malformed.status).toBe(400);
    const raw = await fetch(`${api.baseUrl}/api/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${assistant}`, 'content-type': 'application/json' },
      body: '{"givenName":',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as ProblemDetails).code).toBe('request.malformed');

    const badId = await api.request('/api/people/42', { token: assistant });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as ProblemDetails).errors).toEqual([{ field: 'id', message: 'must be a UUID', rule: 'format:uuid' }]);
    const unknown = await api.request('/api/people/7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b', { token: assistant });
    expect(unknown.status).toBe(404);
  });
});
