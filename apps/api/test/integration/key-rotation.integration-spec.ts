import type { Person } from '@vaccinate/api-contracts';
import { FieldKeyRing } from '@vaccinate/field-encryption';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PersonRepository } from '../../src/modules/people/person.repository';
import { provisionTestTenant, staffToken, startTestApi } from '../support/tenant-fixture';

describe('field key rotation', () => {
  it('reads old values after rotation, and reencrypt moves every record to the new key', async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'rotate');
    const oldKeys = tenant.environment['FIELD_KEYS'] ?? '';
    const before = await startTestApi(tenant);
    const token = await staffToken(before, ['doctor']);
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

    expect(await rotated.app.get(PersonRepository).reencryptAll()).toBe(1);
    expect(await rotated.app.get(PersonRepository).reencryptAll()).toBe(0);
    await rotated.close();

    const client = new pg.Client({ connectionString: tenant.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ email_encrypted: string; email_index: string }>(
      'SELECT email_encrypted, email_index FROM person',
    );
    await client.end();
    expect(rows[0]?.email_encrypted.startsWith('enc:v2:')).toBe(true);
    expect(rows[0]?.email_index.startsWith('v2:')).toBe(true);

    const onlyNew = rotatedKeys.split(',')[1] ?? '';
    const after = await startTestApi(tenant, { FIELD_KEYS: onlyNew, FIELD_KEY_CURRENT: 'v2' });
    const person = await after.app.get(PersonRepository).findById(created.id);
    await after.close();
    expect(person?.email).toBe('rf@acme.example');
  });
});
