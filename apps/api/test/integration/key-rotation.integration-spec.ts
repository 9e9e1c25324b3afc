import type { Person } from '@vaccinate/api-contracts';
import { FieldKeyRing } from '@vaccinate/field-encryption';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../../src/database/encrypted-fields';
import { reencryptFields } from '../../src/database/field-reencryption';
import { Sql } from '../../src/database/sql';
import { AuthService } from '../../src/modules/auth/auth.service';
import { PersonRepository } from '../../src/modules/people/person.repository';
import { provisionTestTenant, staffToken, startTestApi } from '../support/tenant-fixture';

describe('field key rotation', () => {
  it('reads old values after rotation, and reencrypt moves every record to the new key', async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'rotate');
    const oldKeys = tenant.environment['FIELD_KEYS'] ?? '';
    const before = await startTestApi(tenant);
    const token = await staffToken(before, ['doctor']);
    await before.app.get(AuthService).ensureDemoStaff('keeper@staff.example', 'Keeper', ['assistant'], 'correct horse battery staple');
    const created = (await (
      await before.request('/api/people', {
        token,
        body: { givenName: 'Rosalind', familyName: 'Franklin', email: 'rf@acme.example', birthDate: '1980-07-25' },
      })
    ).json()) as Person;
    await before.close();

    const rotatedKeys = `${oldKeys},${FieldKeyRing.generateKey('v2')}`;
    const rotated = await startTestApi(tenant, { FIELD_KEYS: rotatedKeys, FIELD_KEY_CURRENT: 'v2' });
    const rotatedToken = await staffToken(rotated, ['doctor']);
    expect(await (await rotated.request(`/api/people/${created.id}`, { token: rotatedToken })).json()).toMatchObject({
      familyName: 'Franklin',
    });
    const search = await rotated.request('/api/people/search', { token: rotatedToken, body: { email: 'rf@acme.example' } });
    expect(((await search.json()) as { items: Person[] }).items).toHaveLength(1);

    const reencrypt = () => reencryptFields(rotated.app.get(Sql), rotated.config.fieldKeys);
    const first = await reencrypt();
    expect(first['person.email_encrypted']).toBe(1);
    expect(first['staff_account.email_encrypted']).toBe(2); // the two accounts made before the rotation
    expect(first['outbox_message.payload_encrypted']).toBe(0);
    expect(Object.values(await reencrypt()).every((count) => count === 0)).toBe(true);
    await rotated.close();

    const client = new pg.Client({ connectionString: tenant.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ email_encrypted: string; email_index: string }>('SELECT email_encrypted, email_index FROM person');
    await client.end();
    expect(rows[0]?.email_encrypted.startsWith('enc:v2:')).toBe(true);
    expect(rows[0]?.email_index.startsWith('v2:')).toBe(true);

    const onlyNew = rotatedKeys.split(',')[1] ?? '';
    const after = await startTestApi(tenant, { FIELD_KEYS: onlyNew, FIELD_KEY_CURRENT: 'v2' });
    const person = await after.app.get(PersonRepository).findById(created.id);
    // Staff sign in by the blind index of their e-mail: it must have moved to the new key too.
    const signIn = await after.request('/api/auth/login', { body: { email: 'keeper@staff.example', password: 'correct horse battery staple' } });
    await after.close();
    expect(person?.email).toBe('rf@acme.example');
    expect(signIn.status).toBe(200);
  });

  it('knows every encrypted column of the schema', async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'columns');
    const client = new pg.Client({ connectionString: tenant.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_encrypted' ORDER BY 1`,
    );
    await client.end();
    expect(rows.map((row) => row.name)).toEqual(ENCRYPTED_COLUMNS.map((field) => `${field.table}.${field.column}`).sort());
  });
});
