import type { CalendarWarnings, ProblemDetails, VaccinationDaySeries } from '@vaccinate/api-contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('recurring vaccination days', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'series'), { HOLIDAY_REGION: 'DE-BE' });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor, 100);
  });
  afterAll(() => api?.close());

  const day = (doses: number) => ({
    siteId: catalogue.site.id,
    opensAt: '08:00',
    closesAt: '09:00',
    slotMinutes: 30,
    capacityPerSlot: { first: 1, followUp: 1, booster: 0 },
    lots: [{ lotId: catalogue.comirnatyLot.id, doses }],
  });

  async function daysOn(dates: string[]): Promise<number> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM vaccination_day WHERE date = ANY($1::date[])', [dates]);
      return Number(rows[0]?.n);
    } finally {
      await client.end();
    }
  }

  it('creates every Thursday for six weeks in one call, each a full day, and warns of the public holiday', async () => {
    const response = await api.request('/api/vaccination-days/series', { token: doctor, body: { day: day(5), firstDate: '2027-04-29', everyWeeks: 1, occurrences: 6 } });
    expect(response.status).toBe(201);
    const series = (await response.json()) as VaccinationDaySeries;
    expect(series.days.map((created) => created.date)).toEqual(['2027-04-29', '2027-05-06', '2027-05-13', '2027-05-20', '2027-05-27', '2027-06-03']);
    for (const created of series.days) expect(created).toMatchObject({ opensAt: '08:00', closesAt: '09:00', dosesCap: 5, status: 'scheduled' });
    // Ascension Day is planned all the same: a warning, not a skip.
    expect(series.warnings).toEqual([{ date: '2027-05-06', code: 'public_holiday', message: expect.stringContaining('Ascension') }]);
  });

  it("warns of days the site's opening hours do not cover", async () => {
    const response = await api.request('/api/vaccination-days/series', { token: doctor, body: { day: day(5), firstDate: '2027-05-08', everyWeeks: 2, occurrences: 2 } });
    const series = (await response.json()) as VaccinationDaySeries;
    expect(series.days.map((created) => created.date)).toEqual(['2027-05-08', '2027-05-22']);
    expect(series.warnings.map(({ date, code }) => ({ date, code }))).toEqual([
      { date: '2027-05-08', code: 'site_closed' },
      { date: '2027-05-22', code: 'site_closed' },
    ]);
  });

  it('creates no day of a series when the lot cannot give the doses of all of them', async () => {
    const dates = ['2027-06-14', '2027-06-21', '2027-06-28'];
    // 100 doses in the lot, 30 already planned above: three days of 30 do not fit.
    const response = await api.request('/api/vaccination-days/series', { token: doctor, body: { day: day(30), firstDate: dates[0], everyWeeks: 1, occurrences: 3 } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ProblemDetails).code).toBe('day.lot_unavailable');
    expect(await daysOn(dates)).toBe(0);
  });

  it('lists closed days and holidays for the calendar', async () => {
    const response = await api.request(`/api/vaccination-days/calendar-warnings?siteId=${catalogue.site.id}&from=2027-05-14&to=2027-05-17`, { token: doctor });
    const { warnings } = (await response.json()) as CalendarWarnings;
    expect(warnings.map(({ date, code }) => `${date} ${code}`)).toEqual(['2027-05-15 site_closed', '2027-05-16 site_closed', '2027-05-17 public_holiday']);
  });
});
