import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AllocationWorker } from '../../src/modules/allocation/allocation.worker';
import { book, createCatalogue, createDay, inDays } from '../support/booking-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register, release } from '../support/waiting-list-fixture';

// Distinctive values, so a hit in a dump or a log can only come from them.
const waiting = { givenName: 'Ottiline', familyName: 'Przybyszewska', email: 'o.przyby@acme.example', birthDate: '1958-07-21', phone: '+49 152 5550777' };
const booked = { givenName: 'Xaverius', familyName: 'Quadflieg', email: 'x.quadflieg@acme.example', birthDate: '1966-01-30' };
const standbyPhone = '+49 160 5550888';
// The phone numbers also as the API stores them, in E.164.
const e164 = [waiting.phone, standbyPhone].map((phone) => phone.replaceAll(' ', ''));
const secrets = [...Object.values(waiting), ...Object.values(booked), standbyPhone, ...e164, 'chronic-condition', 'medical-staff'];

describe('waiting list and standby: personal data at rest and in logs', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'wl-plain'), { CAPTCHA_MAX_NUMBER: '200', ALLOCATOR: 'on' });
    const doctor = await staffToken(api, ['doctor']);
    const catalogue = await createCatalogue(api, doctor);
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const trackingCode = await register(api, { person: waiting, occupations: ['medical-staff'], answers: { 'chronic-condition': true } });
    expect((await joinStandby(api, { trackingCode, birthDate: waiting.birthDate, phone: standbyPhone })).status).toBe(201);
    const slotId = day.slots[1]?.id ?? '';
    const booking = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: booked });
    expect(booking.status).toBe(201);
    // Standby from a booking: the manage link's token proves it.
    expect((await joinStandby(api, { manageToken: booking.body.manageToken })).status).toBe(201);
    const announced = await api.request('/api/standby/announcements', {
      token: doctor,
      body: { siteId: catalogue.site.id, productId: catalogue.jcovden.id, doses: 1, availableUntil: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(((await announced.json()) as { offered: number }).offered).toBe(2);
    await release(api, doctor, 3);
    await api.app.get(AllocationWorker).runUntilIdle();
    await api.request('/api/waiting-list/queue?status=booked', { token: doctor });
    await api.request('/api/waiting-list/reports/csv?report=by-site', { token: doctor });
  });
  afterAll(() => api?.close());

  it('stores none of them in any column of any table, the job queue included', async () => {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_schema: string; table_name: string }>(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'",
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['registration', 'standby_member', 'standby_offer', 'job']));
      let dump = '';
      for (const { table_schema, table_name } of tables) dump += JSON.stringify((await client.query(`SELECT * FROM "${table_schema}"."${table_name}"`)).rows);
      expect((await client.query('SELECT count(*)::int AS n FROM standby_member')).rows[0]).toEqual({ n: 2 });
      expect((await client.query('SELECT status FROM registration')).rows).toEqual([{ status: 'booked' }]);
      const lowerDump = dump.toLowerCase();
      for (const value of secrets) expect(lowerDump, `${value} is in the database`).not.toContain(value.toLowerCase());
    } finally {
      await client.end();
    }
  });

  it('writes none of them to the log', () => {
    const log = api.logs.join('');
    expect(log).toContain('registration allocated');
    for (const value of secrets) expect(log, `${value} is in the log`).not.toContain(value);
  });
});
