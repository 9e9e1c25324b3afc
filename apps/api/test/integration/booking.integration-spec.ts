import type { Availability, FollowUpAvailability, ManagedBooking, ProblemDetails } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, captchaSolution, createCatalogue, createDay, inDays, person, randomClientIp, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('booking', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'booking'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
  });
  afterAll(() => api?.close());

  async function dbValue<T>(sql: string, params: unknown[] = []): Promise<T> {
    const client = new pg.Client({ connectionString: api.tenant.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows[0] as T;
    } finally {
      await client.end();
    }
  }

  async function twoDoseDays(firstDate: string, secondDate: string, capacity = { first: 2, followUp: 2, booster: 1 }) {
    const lot = catalogue.comirnatyLot.id;
    const first = await createDay(api, doctor, { siteId: catalogue.site.id, date: firstDate, lots: [{ lotId: lot, doses: 20 }], capacity });
    const second = await createDay(api, doctor, { siteId: catalogue.site.id, date: secondDate, lots: [{ lotId: lot, doses: 20 }], capacity });
    return { first, second };
  }

  it('books the first dose and reserves the follow-up inside the interval, both shown and bookable once', async () => {
    const { first, second } = await twoDoseDays(inDays(10), inDays(32));
    const availability = (await (await api.request(`/api/availability?productId=${catalogue.comirnaty.id}&doseKind=first`)).json()) as Availability;
    const firstSlot = availability.days.find((d) => d.dayId === first.id)?.slots[0];
    expect(firstSlot?.free).toBe(2);
    const followUp = (await (
      await api.request(`/api/availability/follow-up?productId=${catalogue.comirnaty.id}&firstSlotId=${firstSlot?.slotId}`)
    ).json()) as FollowUpAvailability;
    expect(followUp.window).toEqual({ earliest: inDays(31), recommended: inDays(31), latest: inDays(52) });
    const secondSlot = followUp.days.find((d) => d.dayId === second.id)?.slots[0];
    expect(secondSlot).toBeDefined();

    const result = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: firstSlot?.slotId ?? '',
      followUpSlotId: secondSlot?.slotId ?? '',
      person: person(),
      locale: 'en',
    });
    expect(result.status).toBe(201);
    expect(result.body.bookingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(result.body.appointments.map((a) => [a.doseNumber, a.doseKind, a.startsAt])).toEqual([
      [1, 'first', firstSlot?.startsAt],
      [2, 'followUp', secondSlot?.startsAt],
    ]);

    const managed = await api.request('/api/bookings/current', { headers: { 'x-manage-token': result.body.manageToken } });
    expect(((await managed.json()) as ManagedBooking).appointments).toHaveLength(2);
    const ics = await api.request('/api/bookings/current/calendar.ics', { headers: { 'x-manage-token': result.body.manageToken } });
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(2);

    const day = await dbValue<{ doses_booked: number }>('SELECT sum(booked_first + booked_follow_up + booked_booster)::int AS doses_booked FROM slot WHERE day_id = $1', [
      first.id,
    ]);
    expect(day.doses_booked).toBe(1);
    const mail = await dbValue<{ count: string }>("SELECT count(*) FROM outbox_message WHERE kind = 'mail:booking-confirmation'");
    expect(Number(mail.count)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a follow-up outside the interval, a missing one, and one for a single-dose vaccine', async () => {
    const { first } = await twoDoseDays(inDays(11), inDays(20));
    const day = (await (await api.request(`/api/vaccination-days/${first.id}`, { token: doctor })).json()) as { slots: { id: string }[] };
    const early = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(25), lots: [{ lotId: catalogue.comirnatyLot.id, doses: 5 }] });
    const base = { productId: catalogue.comirnaty.id, doseKind: 'first' as const, slotId: day.slots[0]?.id ?? '', person: person() };
    const outside = await book(api, { ...base, followUpSlotId: early.slots[0]?.id ?? '' });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('booking.follow_up_out_of_window');
    const missing = await book(api, base);
    expect(missing.body.code).toBe('booking.follow_up_required');
    const jDay = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(12), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 5 }] });
    const single = await book(api, { ...base, productId: catalogue.jcovden.id, slotId: jDay.slots[0]?.id ?? '', followUpSlotId: early.slots[0]?.id ?? '' });
    expect(single.body.code).toBe('booking.no_follow_up');
    // Nothing was reserved by the refusals.
    expect((await dbValue<{ sum: string }>('SELECT sum(doses_booked) FROM vaccination_day WHERE id = ANY($1)', [[first.id, early.id, jDay.id]])).sum).toBe('0');
  });

  it('keeps a separate capacity per dose kind in each slot', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(13),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }],
      capacity: { first: 1, followUp: 0, booster: 1 },
    });
    const slotId = day.slots[0]?.id ?? '';
    const jcovden = { productId: catalogue.jcovden.id, slotId };
    expect((await book(api, { ...jcovden, doseKind: 'first', person: person() })).status).toBe(201);
    const full = await book(api, { ...jcovden, doseKind: 'first', person: person() });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('booking.slot_full');
    expect((await book(api, { ...jcovden, doseKind: 'booster', person: person() })).status).toBe(201);
    const notOffered = await book(api, { ...jcovden, doseKind: 'followUp', person: person() });
    expect(notOffered.body.code).toBe('booking.not_offered');
  });

  it('never books a day beyond the doses its lots hold', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(14),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 3 }],
      capacity: { first: 2, followUp: 0, booster: 0 },
    });
    const statuses: number[] = [];
    const codes: (string | undefined)[] = [];
    for (const slot of day.slots) {
      const result = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slot.id, person: person() });
      statuses.push(result.status);
      codes.push(result.body.code);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(codes).toContain('booking.sold_out');
    expect(await dbValue('SELECT doses_booked, doses_cap FROM vaccination_day WHERE id = $1', [day.id])).toEqual({ doses_booked: 3, doses_cap: 3 });
  });

  it('answers a retried request with the same booking, and refuses the key for another booking', async () => {
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(15), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const key = randomUUID();
    const request = { productId: catalogue.jcovden.id, doseKind: 'first' as const, slotId: day.slots[0]?.id ?? '', person: person() };
    const [a, b] = await Promise.all([book(api, request, key), book(api, request, key)]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.bookingCode).toBe(b.body.bookingCode);
    expect(a.body.manageToken).toBe(b.body.manageToken);
    expect((await dbValue<{ count: string }>('SELECT count(*) FROM booking WHERE idempotency_key = $1', [key])).count).toBe('1');
    expect(
      (await dbValue<{ doses_booked: number }>('SELECT sum(booked_first + booked_follow_up + booked_booster)::int AS doses_booked FROM slot WHERE day_id = $1', [day.id]))
        .doses_booked,
    ).toBe(1);
    const reused = await book(api, { ...request, productId: catalogue.comirnaty.id }, key);
    expect(reused.status).toBe(422);
    const noKey = await api.request('/api/bookings', { body: { ...request, captcha: 'x' } });
    expect(((await noKey.json()) as ProblemDetails).code).toBe('booking.idempotency_key_invalid');
  });

  it('allows one active booking per person and vaccine, and frees capacity at once on cancellation', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(16),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }],
      capacity: { first: 1, followUp: 0, booster: 0 },
    });
    const slotId = day.slots[0]?.id ?? '';
    const someone = person();
    const first = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: someone });
    expect(first.status).toBe(201);
    const again = await book(api, {
      productId: catalogue.jcovden.id,
      doseKind: 'first',
      slotId: day.slots[1]?.id ?? '',
      person: { ...someone, email: someone.email.toUpperCase() },
    });
    expect(again.body.code).toBe('booking.already_booked');
    expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() })).body.code).toBe('booking.slot_full');

    const cancelled = await api.request('/api/bookings/current/cancel', { method: 'POST', headers: { 'x-manage-token': first.body.manageToken } });
    expect(((await cancelled.json()) as ManagedBooking).status).toBe('cancelled');
    const taken = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() });
    expect(taken.status).toBe(201);
    const rebookedSamePerson = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: day.slots[2]?.id ?? '', person: someone });
    expect(rebookedSamePerson.status).toBe(201);
    expect(
      (await dbValue<{ doses_booked: number }>('SELECT sum(booked_first + booked_follow_up + booked_booster)::int AS doses_booked FROM slot WHERE day_id = $1', [day.id]))
        .doses_booked,
    ).toBe(2);
  });

  it("offers every slot of a day again once a cancellation frees a dose of the day's cap", async () => {
    // One dose for a day of many places: the day's cap binds before any slot fills.
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(18),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 1 }],
      capacity: { first: 1, followUp: 0, booster: 0 },
    });
    const [slotA, slotB] = [day.slots[0]?.id ?? '', day.slots[1]?.id ?? ''];
    const first = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slotA, person: person() });
    expect(first.status).toBe(201);
    expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slotB, person: person() })).body.code).toBe('booking.sold_out');

    const cancelled = await api.request('/api/bookings/current/cancel', { method: 'POST', headers: { 'x-manage-token': first.body.manageToken } });
    expect(cancelled.status).toBe(200);
    // The dose went back to the day, so slot B (never full itself) takes it.
    const taken = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slotB, person: person() });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
  });

  it('moves an appointment inside the interval and refuses a move outside it', async () => {
    const { first, second } = await twoDoseDays(inDays(17), inDays(40));
    const late = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(70), lots: [{ lotId: catalogue.comirnatyLot.id, doses: 5 }] });
    const booked = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: first.slots[0]?.id ?? '',
      followUpSlotId: second.slots[0]?.id ?? '',
      person: person(),
    });
    const token = { 'x-manage-token': booked.body.manageToken };
    const followUp = booked.body.appointments[1];
    const moved = await api.request('/api/bookings/current/rebook', { headers: token, body: { appointmentId: followUp?.id, slotId: second.slots[2]?.id } });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as ManagedBooking).appointments[1]?.startsAt).toBe(second.slots[2]?.startsAt);
    const outside = await api.request('/api/bookings/current/rebook', { headers: token, body: { appointmentId: followUp?.id, slotId: late.slots[0]?.id } });
    expect(((await outside.json()) as ProblemDetails).code).toBe('booking.follow_up_out_of_window');
    expect(await dbValue('SELECT booked_follow_up FROM slot WHERE id = $1', [second.slots[0]?.id])).toEqual({ booked_follow_up: 0 });
    expect(await dbValue('SELECT booked_follow_up FROM slot WHERE id = $1', [second.slots[2]?.id])).toEqual({ booked_follow_up: 1 });
    const changedMail = await dbValue<{ count: string }>("SELECT count(*) FROM outbox_message WHERE kind = 'mail:booking-changed'");
    expect(Number(changedMail.count)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a person below the vaccine age on the day, a bad captcha and a replayed one', async () => {
    const day = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(18), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] });
    const request = { productId: catalogue.jcovden.id, doseKind: 'first' as const, slotId: day.slots[0]?.id ?? '' };
    const young = await book(api, { ...request, person: person({ birthDate: `${Number(inDays(18).slice(0, 4)) - 17}-01-01` }) });
    expect(young.status).toBe(422);
    expect(young.body.code).toBe('booking.not_eligible');
    const bad = await book(api, { ...request, person: person(), captcha: Buffer.from('{"number":1}').toString('base64') });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('captcha.invalid');
    const solution = await captchaSolution(api);
    expect((await book(api, { ...request, person: person(), captcha: solution })).status).toBe(201);
    expect((await book(api, { ...request, person: person(), captcha: solution })).body.code).toBe('captcha.invalid');
    // No person at all is a user's mistake: 400 naming the field, never a 500.
    const nobody = await book(api, { ...request, person: undefined as unknown as ReturnType<typeof person> });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors).toEqual([{ field: 'person', message: 'is required', rule: 'required' }]);
  });

  it('limits booking attempts per client address with 429 and Retry-After', async () => {
    const ip = randomClientIp();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 22; i += 1) {
      const response = await api.request('/api/bookings', {
        body: {},
        headers: { 'x-forwarded-for': ip, 'idempotency-key': randomUUID() },
      });
      statuses.push(response.status);
      retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('never overbooks a slot under concurrent attempts', async () => {
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(19),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 50 }],
      capacity: { first: 3, followUp: 0, booster: 0 },
    });
    const slotId = day.slots[0]?.id ?? '';
    const attempts = await Promise.all(Array.from({ length: 30 }, () => book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() })));
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(3);
    expect(attempts.filter((a) => a.status === 409).every((a) => a.body.code === 'booking.slot_full')).toBe(true);
    expect(attempts.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await dbValue('SELECT booked_first FROM slot WHERE id = $1', [slotId])).toEqual({ booked_first: 3 });
    expect(await dbValue("SELECT count(*)::int AS n FROM appointment WHERE slot_id = $1 AND status = 'booked'", [slotId])).toEqual({ n: 3 });
  });
});
