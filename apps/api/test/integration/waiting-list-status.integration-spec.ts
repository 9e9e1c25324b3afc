import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AllocationWorker } from '../../src/modules/allocation/allocation.worker';
import { createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { joinStandby } from '../support/standby-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register, release, rowsOf } from '../support/waiting-list-fixture';

describe('status page and demand reports', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;
  const nurse = person({ birthDate: '1970-02-03' });
  const clerk = person({ birthDate: '1990-04-05' });
  const laterClerk = person({ birthDate: '1991-06-07' });
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'status'), {
      CAPTCHA_MAX_NUMBER: '200',
      ALLOCATOR: 'on',
      ALLOCATOR_RATE_PER_MINUTE: '60',
    });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
    await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    codes['nurse'] = await register(api, { person: nurse, productId: catalogue.jcovden.id, occupations: ['medical-staff'], preferredSiteIds: [catalogue.site.id] });
    codes['clerk'] = await register(api, { person: clerk, preferredSiteIds: [catalogue.site.id, catalogue.otherSite.id] });
    codes['laterClerk'] = await register(api, { person: laterClerk });
    await release(api, doctor, 1);
    await api.app.get(AllocationWorker).runUntilIdle();
  });
  afterAll(() => api?.close());

  const status = async (code: string | undefined, birthDate: string) =>
    (await api.request('/api/registrations/status', { body: { trackingCode: code, birthDate } })).json() as Promise<Record<string, unknown>>;

  it('shows a booked registrant their dates, a queued one their group and place in the queue', async () => {
    expect(await status(codes['nurse'], nurse.birthDate)).toMatchObject({
      status: 'booked',
      group: { rank: 1 },
      position: null,
      appointments: [{ doseNumber: 1, siteName: catalogue.site.name, startsAt: expect.stringContaining(inDays(3)) }],
    });
    expect(await status(codes['clerk'], clerk.birthDate)).toMatchObject({
      status: 'queued',
      group: { rank: 3, name: { en: 'All employees' } },
      position: 1,
      appointments: [],
    });
    expect(await status(codes['laterClerk'], laterClerk.birthDate)).toMatchObject({ status: 'queued', position: 2, ahead: 1 });
  });

  it('shows an open standby offer', async () => {
    const joined = await joinStandby(api, { trackingCode: codes['clerk'], birthDate: clerk.birthDate, siteIds: [catalogue.site.id] });
    expect(joined.status).toBe(201);
    const announced = await api.request('/api/standby/announcements', {
      token: doctor,
      body: { siteId: catalogue.site.id, productId: catalogue.jcovden.id, doses: 1, availableUntil: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(announced.status).toBe(201);
    expect(await status(codes['clerk'], clerk.birthDate)).toMatchObject({ status: 'offered', offer: { siteName: catalogue.site.name } });
  });

  it('reports registrations by group, site and week, willing vs booked, and standby offers, also as CSV', async () => {
    const response = await api.request('/api/waiting-list/reports?locale=en', { token: doctor });
    expect(response.status).toBe(200);
    const reports = (await response.json()) as Record<string, unknown>;
    expect(reports['byGroup']).toEqual([
      { rank: 1, group: 'Medical staff and people aged 60 and over', queued: 0, booked: 1, vaccinated: 0, total: 1 },
      { rank: 3, group: 'All employees', queued: 2, booked: 0, vaccinated: 0, total: 2 },
    ]);
    expect(reports['bySite']).toEqual(
      expect.arrayContaining([
        { siteId: catalogue.site.id, siteName: catalogue.site.name, registrations: 2 },
        { siteId: catalogue.otherSite.id, siteName: catalogue.otherSite.name, registrations: 1 },
        { siteId: null, siteName: null, registrations: 1 },
      ]),
    );
    expect(reports['byWeek']).toEqual([{ week: expect.stringMatching(/^\d{4}-W\d{2}$/), registrations: 3 }]);
    expect(reports['willingVsVaccinated']).toEqual({ willing: 3, booked: 1, vaccinated: 0 });
    expect(reports['standby']).toEqual([expect.objectContaining({ doses: 1, offered: 1, taken: 0 })]);

    const csv = await api.request('/api/waiting-list/reports/csv?report=by-group&locale=de', { token: doctor });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe('rank,group,queued,booked,vaccinated,total\r\n1,Medizinisches Personal und Personen ab 60,0,1,0,1\r\n3,Alle Beschäftigten,2,0,0,2\r\n');
    const bad = await api.request('/api/waiting-list/reports/csv?report=nope', { token: doctor });
    expect(bad.status).toBe(400);
  });

  it('shows vaccinated once a dose of the booked vaccine is documented for the person', async () => {
    // Documented as the day's visit would: a valid dose of the booked product for the booked person.
    await rowsOf(
      api.tenant.databaseUrl,
      `INSERT INTO vaccination (person_id, product_id, lot_id, site_id, dose_number, series_doses, injection_site, route, vaccinator, documented_by, administered_at)
       SELECT b.person_id, b.product_id, $2, $3, 1, 1, 'left-deltoid', 'intramuscular', 'Dr. Test', 'test', now()
         FROM registration r JOIN booking b ON b.id = r.booking_id WHERE r.tracking_code = $1`,
      [codes['nurse'], catalogue.jcovdenLot.id, catalogue.site.id],
    );
    expect(await status(codes['nurse'], nurse.birthDate)).toMatchObject({ status: 'vaccinated' });
    const reports = (await (await api.request('/api/waiting-list/reports', { token: doctor })).json()) as { willingVsVaccinated: unknown };
    expect(reports.willingVsVaccinated).toEqual({ willing: 3, booked: 0, vaccinated: 1 });
  });
});
