import { FieldKeyRing } from '@vaccinate/field-encryption';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENCRYPTED_COLUMNS, personFields, registrationFields } from '../../src/database/encrypted-fields';
import { book, createCatalogue, createDay, inDays, type Catalogue } from '../support/booking-fixture';
import { certificateMails, documentVaccination } from '../support/certificate-fixture';
import { checkInAndAnswer, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register } from '../support/waiting-list-fixture';

// Distinctive values, so a hit can only come from them.
const erased = { givenName: 'Wendelgard', familyName: 'Ochsenknecht', email: 'wendelgard.o@acme.example', birthDate: '1961-04-09' };
const corrected = { phone: '+491705550123', employeeNumber: 'ACME-61049' };
const erasedValues = [...Object.values(erased), ...Object.values(corrected), 'Typo at the desk'];
const kept = { givenName: 'Friedebert', familyName: 'Kaltenbrunner', email: 'friedebert.k@acme.example', birthDate: '1972-08-30' };

/** Every decryptable value of every row of every table, with the table and column it came from. */
async function decryptedDump(api: RunningApi): Promise<{ where: string; value: string }[]> {
  const ring: FieldKeyRing = api.config.fieldKeys;
  const contexts = [...new Set([...ENCRYPTED_COLUMNS.map((column) => column.codec.context), personFields.retainedIdentity.context])];
  const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
  await client.connect();
  const found: { where: string; value: string }[] = [];
  try {
    const { rows: tables } = await client.query<{ table_schema: string; table_name: string }>(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'",
    );
    for (const { table_schema, table_name } of tables) {
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM "${table_schema}"."${table_name}"`);
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          const where = `${table_name}.${column}`;
          const text = cell === null ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell);
          found.push({ where, value: text });
          for (const sealed of text.match(/enc:v\d+:[A-Za-z0-9_-]+/g) ?? []) {
            for (const context of contexts) {
              try {
                found.push({ where, value: ring.decrypt(sealed, context) });
              } catch {
                // Sealed under another context.
              }
            }
          }
        }
      }
    }
  } finally {
    await client.end();
  }
  return found;
}

describe('erasure of a person', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let catalogue: Catalogue;
  let personId: string;
  let keptId: string;
  let dayId: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'erasure'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor);
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    dayId = day.id;
    await startDaySoon(api, dayId);
    const slotId = day.slots[0]?.id ?? '';

    // Everything a person leaves behind: a booking (mail), standby from it, a registration with standby, a visit with answers,
    // a corrected record (revision), a documented vaccination (certificate, certificate mail, short link).
    const booking = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: erased });
    expect(booking.status).toBe(201);
    expect((await joinStandby(api, { manageToken: booking.body.manageToken })).status).toBe(201);
    const trackingCode = await register(api, { person: erased });
    expect((await joinStandby(api, { trackingCode, birthDate: erased.birthDate })).status).toBe(201);
    await checkInAndAnswer(api, assistant, dayId, booking.body.bookingCode);
    const [row] = await tenantSql<{ person_id: string }>(api, 'SELECT person_id FROM booking WHERE code = $1', [booking.body.bookingCode]);
    personId = row!.person_id;
    const patched = await api.request(`/api/people/${personId}`, { method: 'PATCH', token: doctor, body: { ...corrected, version: 1, reason: 'Typo at the desk' } });
    expect(patched.status).toBe(200);
    await documentVaccination(api, catalogue, { personId, doseNumber: 1, administeredAt: '2026-03-02T09:15:00Z', product: 'jcovden' });
    expect((await certificateMails(api)).filter((mail) => mail.to.email === erased.email)).toHaveLength(1);

    // Someone else, who must keep everything.
    const other = await api.request('/api/people', { token: doctor, body: kept });
    keptId = ((await other.json()) as { id: string }).id;
    await documentVaccination(api, catalogue, { personId: keptId, doseNumber: 1, administeredAt: '2026-03-03T09:15:00Z', product: 'jcovden' });
  });
  afterAll(() => api?.close());

  it('refuses an assistant, and refuses while an appointment is ahead', async () => {
    expect((await api.request(`/api/people/${personId}/erasure`, { method: 'POST', token: assistant })).status).toBe(403);
    const ahead = await api.request(`/api/people/${personId}/erasure`, { method: 'POST', token: doctor });
    expect(ahead.status).toBe(409);
    expect(((await ahead.json()) as { code: string }).code).toBe('privacy.upcoming_appointment');
  });

  it('leaves no decryptable personal field of the person but the documentation the law keeps', async () => {
    // The day is over.
    await tenantSql(api, `UPDATE slot SET starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days' WHERE day_id = $1`, [dayId]);
    const before = await decryptedDump(api);
    for (const value of [erased.givenName, erased.email, corrected.phone]) expect(before.some((cell) => cell.value.includes(value))).toBe(true);
    const vaccinationsBefore = await tenantSql(api, 'SELECT id, person_id, lot_id, administered_at FROM vaccination ORDER BY id');
    const certificatesBefore = await tenantSql(api, 'SELECT certificate_id, revoked_at FROM certificate ORDER BY certificate_id');

    const response = await api.request(`/api/people/${personId}/erasure`, { method: 'POST', token: doctor });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { retainedVaccinations: number; retainedUntil: string; deleted: Record<string, number> };
    expect(result.retainedVaccinations).toBe(1);
    expect(result.retainedUntil).toBe('2036-03-02');
    expect(result.deleted).toMatchObject({ registrations: 1, standbyMemberships: 2, certificateLinks: 1, revisions: 1, questionnaireAnswers: 1 });
    expect(result.deleted['mails']).toBeGreaterThanOrEqual(2);

    const after = await decryptedDump(api);
    const leaks = after.filter(
      (cell) => cell.where !== 'person.retained_identity_encrypted' && erasedValues.some((value) => cell.value.toLowerCase().includes(value.toLowerCase())),
    );
    expect(leaks).toEqual([]);
    const ring = api.config.fieldKeys;
    const indexes = [...personFields.email.blindIndexCandidates(ring, erased.email), ...registrationFields.email.blindIndexCandidates(ring, erased.email)];
    expect(after.filter((cell) => indexes.some((index) => cell.value.includes(index)))).toEqual([]);
    // The one place left: the identity sealed for doctors beside the documentation.
    expect(after.filter((cell) => cell.where === 'person.retained_identity_encrypted' && cell.value.includes(erased.familyName))).toHaveLength(1);

    // The documentation and the issued certificates stay as they were; the other person keeps everything.
    expect(await tenantSql(api, 'SELECT id, person_id, lot_id, administered_at FROM vaccination ORDER BY id')).toEqual(vaccinationsBefore);
    expect(await tenantSql(api, 'SELECT certificate_id, revoked_at FROM certificate ORDER BY certificate_id')).toEqual(certificatesBefore);
    const other = await api.request(`/api/people/${keptId}`, { token: doctor });
    expect(await other.json()).toMatchObject(kept);
    expect((await certificateMails(api)).filter((mail) => mail.to.email === kept.email)).toHaveLength(1);

    const audit = await tenantSql(api, "SELECT actor_kind FROM audit_event WHERE action = 'person.erase' AND subject_id = $1", [personId]);
    expect(audit).toHaveLength(1);
  });

  it('lets only doctors read who the documentation belongs to, and finds the person nowhere else', async () => {
    expect((await api.request(`/api/people/${personId}/retained-identity`, { token: assistant })).status).toBe(403);
    const identity = await api.request(`/api/people/${personId}/retained-identity`, { token: doctor });
    expect(identity.status).toBe(200);
    expect(await identity.json()).toEqual({
      personId,
      ...{ givenName: erased.givenName, familyName: erased.familyName, birthDate: erased.birthDate },
      retainedUntil: '2036-03-02',
    });
    expect((await api.request(`/api/people/${personId}`, { token: doctor })).status).toBe(404);
    expect((await api.request(`/api/people/${personId}/erasure`, { method: 'POST', token: doctor })).status).toBe(404);
    const search = await api.request('/api/people/search', { token: doctor, body: { email: erased.email } });
    expect(await search.json()).toEqual({ items: [] });
  });
});
