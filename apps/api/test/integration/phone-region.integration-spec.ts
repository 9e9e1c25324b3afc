import type { Person, ProblemDetails } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personFields, registrationFields, standbyMemberFields } from '../../src/database/encrypted-fields';
import { person } from '../support/booking-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register } from '../support/waiting-list-fixture';

const ada = { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1985-12-10' };

/** Two tenants served from one process at once: each reads a number without country code in its own country. */
describe("phone numbers without a country code, in the tenant's country", () => {
  let austria: RunningApi;
  let switzerland: RunningApi;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [austria, switzerland] = await Promise.all([
      provisionTestTenant(adminUrl, 'phone-at').then((tenant) => startTestApi(tenant, { HOLIDAY_REGION: 'AT', CAPTCHA_MAX_NUMBER: '200' })),
      provisionTestTenant(adminUrl, 'phone-ch').then((tenant) => startTestApi(tenant, { HOLIDAY_REGION: 'CH-ZH' })),
    ]);
  });
  afterAll(async () => {
    await austria?.close();
    await switzerland?.close();
  });

  it('stores an Austrian national number of a person as +43 in an Austrian tenant', async () => {
    const assistant = await staffToken(austria, ['assistant']);
    const created = await austria.request('/api/people', { token: assistant, body: { ...ada, email: 'ada@acme.example', phone: '0664 1234567' } });
    expect(created.status).toBe(201);
    const stored = (await created.json()) as Person;
    expect(stored.phone).toBe('+436641234567');
    const [row] = await rowsOf<{ phone_encrypted: string }>(austria.tenant.databaseUrl, 'SELECT phone_encrypted FROM person WHERE id = $1', [stored.id]);
    expect(personFields.phone.decrypt(austria.config.fieldKeys, row?.phone_encrypted ?? '')).toBe('+436641234567');
  });

  it("reads the registration's and the standby sign-up's number in Austria too", async () => {
    const someone = person();
    const trackingCode = await register(austria, { person: { ...someone, phone: '0664 1234567' } });
    const joined = await joinStandby(austria, { trackingCode, birthDate: someone.birthDate, phone: '0316 123456' });
    expect(joined.status).toBe(201);
    const [registration] = await rowsOf<{ phone_encrypted: string }>(
      austria.tenant.databaseUrl,
      'SELECT phone_encrypted FROM registration WHERE phone_encrypted IS NOT NULL',
    );
    expect(registrationFields.phone.decrypt(austria.config.fieldKeys, registration?.phone_encrypted ?? '')).toBe('+436641234567');
    const [member] = await rowsOf<{ phone_encrypted: string }>(austria.tenant.databaseUrl, 'SELECT phone_encrypted FROM standby_member');
    expect(standbyMemberFields.phone.decrypt(austria.config.fieldKeys, member?.phone_encrypted ?? '')).toBe('+43316123456');
  });

  it('reads a Swiss national number as +41 next door, and refuses the Austrian one there with a field problem', async () => {
    const assistant = await staffToken(switzerland, ['assistant']);
    const swiss = await switzerland.request('/api/people', { token: assistant, body: { ...ada, email: 'ada@globex.example', phone: '079 123 45 67' } });
    expect(((await swiss.json()) as Person).phone).toBe('+41791234567');
    const austrian = await switzerland.request('/api/people', { token: assistant, body: { ...ada, email: 'ada2@globex.example', phone: '0664 1234567' } });
    expect(austrian.status).toBe(400);
    expect(((await austrian.json()) as ProblemDetails).errors).toEqual([{ field: 'phone', message: expect.stringContaining('country code'), rule: 'format:phone-e164' }]);
    const international = await switzerland.request('/api/people', { token: assistant, body: { ...ada, email: 'ada3@globex.example', phone: '+43 664 1234567' } });
    expect(((await international.json()) as Person).phone).toBe('+436641234567');
  });
});
