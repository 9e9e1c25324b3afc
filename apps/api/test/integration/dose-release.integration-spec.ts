import type { VaccinationDay, VisitDetail } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { checkInAndAnswer, send, startDaySoon, tenantSql } from '../support/day-run-fixture';
import { BookingRepository } from '../../src/modules/booking/booking.repository';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

interface Counters {
  first: number;
  followUp: number;
  movedTo: number;
  todayDoses: number;
  followUpDayDoses: number;
}

/**
 * Cancelling by the manage link, a no-show, rebooking and moving the next dose at check-out all give
 * places back through one repository operation, so a freed place and a freed dose of the day look the same whoever freed them.
 */
describe('releasing a booked dose', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let catalogue: Catalogue;
  let today: VaccinationDay;
  let followUpDay: VaccinationDay;
  let nextSlot = 0;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'doserelease'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    catalogue = await createCatalogue(api, doctor, 200);
    // Both days have fewer doses than places, so the day's dose cap binds and every release must give a dose back too.
    today = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(1),
      opensAt: '08:00',
      closesAt: '12:00',
      capacity: { first: 3, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 40 }],
    });
    await startDaySoon(api, today.id);
    followUpDay = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(24),
      capacity: { first: 0, followUp: 20, booster: 0 },
      lots: [{ lotId: catalogue.comirnatyLot.id, doses: 60 }],
    });
  });
  afterAll(() => api?.close());

  async function bookTwoDoses(): Promise<{ code: string; manageToken: string; firstSlot: string; followUpSlot: string; movedTo: string }> {
    nextSlot += 1;
    const firstSlot = today.slots[nextSlot]?.id as string;
    const followUpSlot = followUpDay.slots[0]?.id as string;
    const result = await book(api, { productId: catalogue.comirnaty.id, doseKind: 'first', slotId: firstSlot, followUpSlotId: followUpSlot, person: person() });
    if (result.status !== 201) throw new Error(`booking answered ${result.status}: ${JSON.stringify(result.body)}`);
    return { code: result.body.bookingCode, manageToken: result.body.manageToken, firstSlot, followUpSlot, movedTo: followUpDay.slots[1]?.id as string };
  }

  async function counters(slots: { firstSlot: string; followUpSlot: string; movedTo: string }): Promise<Counters> {
    const [row] = await tenantSql<Counters>(
      api,
      `SELECT (SELECT booked_first FROM slot WHERE id = $1) AS first, (SELECT booked_follow_up FROM slot WHERE id = $2) AS "followUp",
              (SELECT booked_follow_up FROM slot WHERE id = $3) AS "movedTo",
              (SELECT doses_booked FROM vaccination_day WHERE id = $4) AS "todayDoses",
              (SELECT doses_booked FROM vaccination_day WHERE id = $5) AS "followUpDayDoses"`,
      [slots.firstSlot, slots.followUpSlot, slots.movedTo, today.id, followUpDay.id],
    );
    return row as Counters;
  }

  async function bookingState(code: string): Promise<{ booking: string; appointments: string[] }> {
    const rows = await tenantSql<{ booking: string; appointment: string }>(
      api,
      'SELECT b.status AS booking, a.status AS appointment FROM booking b JOIN appointment a ON a.booking_id = b.id WHERE b.code = $1 ORDER BY a.dose_number',
      [code],
    );
    return { booking: rows[0]?.booking as string, appointments: rows.map((row) => row.appointment) };
  }

  function delta(before: Counters, after: Counters): Counters {
    return {
      first: after.first - before.first,
      followUp: after.followUp - before.followUp,
      movedTo: after.movedTo - before.movedTo,
      todayDoses: after.todayDoses - before.todayDoses,
      followUpDayDoses: after.followUpDayDoses - before.followUpDayDoses,
    };
  }

  const bothDosesBack: Counters = { first: -1, followUp: -1, movedTo: 0, todayDoses: -1, followUpDayDoses: -1 };
  const followUpMoved: Counters = { first: 0, followUp: -1, movedTo: 1, todayDoses: 0, followUpDayDoses: 0 };

  it.each([
    {
      caller: 'a cancellation by the manage link',
      act: async (booked: Awaited<ReturnType<typeof bookTwoDoses>>) => {
        const response = await api.request('/api/bookings/current/cancel', { method: 'POST', headers: { 'x-manage-token': booked.manageToken } });
        expect(response.status).toBe(200);
      },
    },
    {
      caller: 'a no-show',
      act: async (booked: Awaited<ReturnType<typeof bookTwoDoses>>) => {
        const [first] = await tenantSql<{ id: string }>(
          api,
          'SELECT a.id FROM appointment a JOIN booking b ON b.id = a.booking_id WHERE b.code = $1 AND a.dose_number = 1',
          [booked.code],
        );
        const result = await send<{ noShows: number; dosesFreed: number }>(api, 'POST', `/api/vaccination-days/${today.id}/no-shows`, assistant, {
          appointmentIds: [first?.id],
        });
        expect(result.body).toEqual({ noShows: 1, dosesFreed: 2 });
      },
    },
  ])('gives both doses back and cancels the emptied booking after $caller', async ({ act }) => {
    const booked = await bookTwoDoses();
    const before = await counters(booked);
    const release = vi.spyOn(api.app.get(BookingRepository), 'releaseDoses');
    try {
      await act(booked);
      expect(release).toHaveBeenCalledTimes(1);
    } finally {
      release.mockRestore();
    }
    expect(delta(before, await counters(booked))).toEqual(bothDosesBack);
    expect(await bookingState(booked.code)).toEqual({ booking: 'cancelled', appointments: ['cancelled', 'cancelled'] });
  });

  it.each([
    {
      caller: 'a rebooking by the manage link',
      act: async (booked: Awaited<ReturnType<typeof bookTwoDoses>>) => {
        const [followUp] = await tenantSql<{ id: string }>(
          api,
          'SELECT a.id FROM appointment a JOIN booking b ON b.id = a.booking_id WHERE b.code = $1 AND a.dose_number = 2',
          [booked.code],
        );
        const response = await api.request('/api/bookings/current/rebook', {
          headers: { 'x-manage-token': booked.manageToken },
          body: { appointmentId: followUp?.id, slotId: booked.movedTo },
        });
        expect(response.status).toBe(200);
      },
    },
    {
      caller: 'a move of the next dose at check-out',
      act: async (booked: Awaited<ReturnType<typeof bookTwoDoses>>) => {
        const visit = await checkInAndAnswer(api, assistant, today.id, booked.code);
        const documented = await send(api, 'POST', `/api/visits/${visit.id}/vaccination`, doctor, {
          lotId: catalogue.comirnatyLot.id,
          injectionSite: 'left_deltoid',
          route: 'intramuscular',
          version: visit.version,
        });
        expect(documented.status).toBe(201);
        const current = (await send<VisitDetail>(api, 'GET', `/api/visits/${visit.id}`, assistant)).body;
        const moved = await send(api, 'POST', `/api/visits/${visit.id}/check-out`, assistant, {
          followUp: { action: 'move', slotId: booked.movedTo },
          earlyReason: 'Leaves with a colleague who stays with them',
          version: current.version,
        });
        expect(moved.status).toBe(200);
      },
    },
  ])('gives the old place of a moved dose back after $caller', async ({ act }) => {
    const booked = await bookTwoDoses();
    const before = await counters(booked);
    const release = vi.spyOn(api.app.get(BookingRepository), 'releaseDoses');
    try {
      await act(booked);
      expect(release).toHaveBeenCalledTimes(1);
    } finally {
      release.mockRestore();
    }
    expect(delta(before, await counters(booked))).toEqual(followUpMoved);
    expect((await bookingState(booked.code)).booking).toBe('active');
  });
});
