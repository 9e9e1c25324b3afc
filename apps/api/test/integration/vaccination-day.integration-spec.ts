import type { ProblemDetails, VaccinationDay } from '@vaccinate/api-contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('vaccination days', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'days'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor, 100);
  });
  afterAll(() => api?.close());

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('creates slots in local time over the opening hours and assigns the lot doses', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: '2027-03-28', // the night Europe/Berlin moves to summer time
      opensAt: '08:00',
      closesAt: '10:00',
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 30 }],
    });
    expect(day.slots).toHaveLength(8);
    expect(day.slots[0]?.startsAt).toBe('2027-03-28T06:00:00.000Z');
    expect(day.dosesCap).toBe(30);
    const [lot] = await rows<{ doses_assigned: number }>('SELECT doses_assigned FROM lot WHERE id = $1', [catalogue.jcovdenLot.id]);
    expect(lot?.doses_assigned).toBeGreaterThanOrEqual(30);
  });

  it('refuses more doses than a lot has left, a date in the past and closing before opening', async () => {
    const base = {
      siteId: catalogue.site.id,
      date: inDays(5),
      opensAt: '08:00',
      closesAt: '09:00',
      slotMinutes: 15,
      capacityPerSlot: { first: 1, followUp: 0, booster: 0 },
    };
    const tooMany = await api.request('/api/vaccination-days', { token: doctor, body: { ...base, lots: [{ lotId: catalogue.comirnatyLot.id, doses: 101 }] } });
    expect(tooMany.status).toBe(409);
    expect(((await tooMany.json()) as ProblemDetails).code).toBe('day.lot_unavailable');
    const past = await api.request('/api/vaccination-days', {
      token: doctor,
      body: { ...base, date: '2020-01-01', lots: [{ lotId: catalogue.comirnatyLot.id, doses: 1 }] },
    });
    expect(((await past.json()) as ProblemDetails).errors).toEqual([{ field: 'date', message: 'must be today or later' }]);
    const backwards = await api.request('/api/vaccination-days', {
      token: doctor,
      body: { ...base, closesAt: '07:00', lots: [{ lotId: catalogue.comirnatyLot.id, doses: 1 }] },
    });
    expect(((await backwards.json()) as ProblemDetails).code).toBe('day.invalid_hours');
    const [lot] = await rows<{ doses_assigned: number }>('SELECT doses_assigned FROM lot WHERE id = $1', [catalogue.comirnatyLot.id]);
    expect(lot?.doses_assigned).toBe(0);
  });

  it('refuses a capacity below what is booked and changes nothing; accepts one above', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(6),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }],
      capacity: { first: 2, followUp: 0, booster: 0 },
    });
    const slotId = day.slots[0]?.id ?? '';
    for (let i = 0; i < 2; i += 1) {
      expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() })).status).toBe(201);
    }
    const lower = await api.request(`/api/vaccination-days/${day.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { capacityPerSlot: { first: 1, followUp: 0, booster: 0 }, version: day.version },
    });
    expect(lower.status).toBe(409);
    const problem = (await lower.json()) as ProblemDetails;
    expect(problem.code).toBe('day.capacity_below_booked');
    expect(problem.detail).toContain('first: 1 slot(s)');
    expect(await rows('SELECT DISTINCT capacity_first FROM slot WHERE day_id = $1', [day.id])).toEqual([{ capacity_first: 2 }]);

    const fewerDoses = await api.request(`/api/vaccination-days/${day.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { lots: [{ lotId: catalogue.jcovdenLot.id, doses: 1 }], version: day.version },
    });
    expect(((await fewerDoses.json()) as ProblemDetails).code).toBe('day.doses_below_booked');

    const higher = await api.request(`/api/vaccination-days/${day.id}`, {
      method: 'PATCH',
      token: doctor,
      body: { capacityPerSlot: { first: 3, followUp: 1, booster: 0 }, version: day.version },
    });
    expect(higher.status).toBe(200);
    const changed = (await higher.json()) as VaccinationDay;
    expect(changed.slots[0]).toMatchObject({ capacity: { first: 3, followUp: 1, booster: 0 }, booked: { first: 2, followUp: 0, booster: 0 } });
    expect(changed.version).toBe(day.version + 1);
  });

  it('cancels a day with its bookings, frees the lots and queues a mail for every person', async () => {
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(7), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const bookings = [];
    for (let i = 0; i < 3; i += 1) {
      bookings.push(await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[i]?.id ?? '', person: person() }));
    }
    const [before] = await rows<{ count: string }>("SELECT count(*) FROM outbox_message WHERE kind = 'mail:booking-cancelled'");
    const response = await api.request(`/api/vaccination-days/${day.id}/cancel`, { method: 'POST', token: doctor });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { day: VaccinationDay; bookingsNotified: number };
    expect(result.bookingsNotified).toBe(3);
    expect(result.day.status).toBe('cancelled');
    const [after] = await rows<{ count: string }>("SELECT count(*) FROM outbox_message WHERE kind = 'mail:booking-cancelled'");
    expect(Number(after?.count) - Number(before?.count)).toBe(3);
    const managed = await api.request('/api/bookings/current', { headers: { 'x-manage-token': bookings[0]?.body.manageToken ?? '' } });
    expect(await managed.json()).toMatchObject({ status: 'cancelled' });
    expect(await rows('SELECT count(*)::int AS n FROM vaccination_day_lot WHERE day_id = $1', [day.id])).toEqual([{ n: 0 }]);
    const again = await api.request(`/api/vaccination-days/${day.id}/cancel`, { method: 'POST', token: doctor });
    expect(((await again.json()) as ProblemDetails).code).toBe('day.cancelled');
  });
});
