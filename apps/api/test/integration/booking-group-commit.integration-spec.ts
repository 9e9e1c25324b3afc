import type { VaccinationDay } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AppException } from '../../src/common/problem/app-exception';
import { BookingBatchRepository } from '../../src/modules/booking/booking-batch.repository';
import { hashManageToken, newBookingCode, newManageToken } from '../../src/modules/booking/booking-code';
import { BookingGroupCommit } from '../../src/modules/booking/booking-group-commit';
import { bookingMail } from '../../src/modules/booking/booking-mail';
import { ReservationRefused, type NewBooking, type Reservation, type ReservedDose } from '../../src/modules/booking/booking.repository';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { rowsOf } from '../support/waiting-list-fixture';

type Slot = VaccinationDay['slots'][number];
type Answer = { booked: Reservation } | { refused: string };

describe('group-committed booking at batch boundaries', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;
  let groupCommit: BookingGroupCommit;
  /** The size of every batch the group commit wrote, in order. */
  const batches: number[] = [];

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'batch'), { CAPTCHA_MAX_NUMBER: '200' });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
    groupCommit = api.app.get(BookingGroupCommit);
    const repository = api.app.get(BookingBatchRepository);
    const reserveAll = repository.reserveAll.bind(repository);
    vi.spyOn(repository, 'reserveAll').mockImplementation((client, batch) => {
      batches.push(batch.length);
      return reserveAll(client, batch);
    });
  });
  afterAll(() => api?.close());

  const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => rowsOf<T>(api.tenant.databaseUrl, sql, params);

  async function jcovdenDay(date: string, capacity: number, doses = 50): Promise<VaccinationDay> {
    return createDay(api, doctor, {
      siteId: catalogue.site.id,
      date,
      lots: [{ lotId: catalogue.jcovdenLot.id, doses }],
      capacity: { first: capacity, followUp: 0, booster: 0 },
    });
  }

  /** A booking as the booking service hands it over, with a mail that names its slots. */
  function newBooking(productId: string, slots: Slot[], overrides: Partial<NewBooking> = {}): NewBooking {
    const manageToken = newManageToken();
    const code = newBookingCode();
    const doses: ReservedDose[] = slots.map((slot, i) => ({ slotId: slot.id, kind: i === 0 ? 'first' : 'followUp', doseNumber: i + 1 }));
    const who = person();
    return {
      person: { ...who, employeeNumber: null },
      productId,
      locale: 'en',
      code,
      manageToken,
      manageTokenHash: hashManageToken(manageToken),
      idempotencyKey: randomUUID(),
      doses,
      mail: ({ bookingId, appointmentIds }) =>
        bookingMail(
          'booking-confirmation',
          {
            id: bookingId,
            code,
            status: 'active',
            locale: 'en',
            product: { id: productId, name: 'Vaccine' },
            person: who,
            manageToken,
            appointments: slots.map((slot, i) => ({
              id: appointmentIds[i] ?? '',
              slotId: slot.id,
              doseKind: doses[i]?.kind ?? 'first',
              doseNumber: i + 1,
              status: 'booked',
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              site: { id: catalogue.site.id, name: catalogue.site.name, street: catalogue.site.street, postalCode: catalogue.site.postalCode, city: catalogue.site.city },
            })),
          },
          'https://vaccinate.example',
        ),
      ...overrides,
    };
  }

  /** Hands all bookings to the group commit in the same turn of the event loop, so they share a batch. */
  async function together(bookings: NewBooking[]): Promise<Answer[]> {
    const before = batches.length;
    const answers = await Promise.all(bookings.map((booking) => answer(booking)));
    expect(batches.slice(before)[0]).toBe(bookings.length);
    return answers;
  }

  async function answer(booking: NewBooking): Promise<Answer> {
    try {
      return { booked: await groupCommit.reserve(booking) };
    } catch (error) {
      if (error instanceof ReservationRefused) return { refused: error.reason };
      throw error;
    }
  }

  const reasons = (answers: Answer[]) => answers.map((a) => ('booked' in a ? 'booked' : a.refused));

  it('books exactly the places left of a slot, first come first served within a batch', async () => {
    const day = await jcovdenDay(inDays(20), 5);
    const slot = day.slots[0] as Slot;
    expect(reasons([await answer(newBooking(catalogue.jcovden.id, [slot]))])).toEqual(['booked']);

    const answers = await together(Array.from({ length: 30 }, () => newBooking(catalogue.jcovden.id, [slot])));
    expect(reasons(answers)).toEqual([...Array<string>(4).fill('booked'), ...Array<string>(26).fill('slot_full')]);
    expect(await rows('SELECT booked_first FROM slot WHERE id = $1', [slot.id])).toEqual([{ booked_first: 5 }]);
    expect(await rows("SELECT id FROM appointment WHERE slot_id = $1 AND status = 'booked'", [slot.id])).toHaveLength(5);
    // The refused left nothing behind: no booking, no person.
    expect(await rows('SELECT count(*)::int AS n FROM booking b JOIN appointment a ON a.booking_id = b.id WHERE a.slot_id = $1', [slot.id])).toEqual([{ n: 5 }]);
    expect(await rows('SELECT count(*)::int AS n FROM booking b WHERE NOT EXISTS (SELECT 1 FROM appointment a WHERE a.booking_id = b.id)')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*)::int AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id)')).toEqual([{ n: 0 }]);
  });

  it('answers many concurrent requests for the last places of a slot: exactly as many 201 as places, the rest 409', async () => {
    const day = await jcovdenDay(inDays(21), 4);
    const slotId = day.slots[0]?.id ?? '';
    const request = { productId: catalogue.jcovden.id, doseKind: 'first' as const, slotId };
    expect((await book(api, { ...request, person: person() })).status).toBe(201);
    const attempts = await Promise.all(Array.from({ length: 25 }, () => book(api, { ...request, person: person() })));
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(3);
    expect(attempts.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array<string>(22).fill('booking.slot_full'));
    expect(await rows('SELECT booked_first FROM slot WHERE id = $1', [slotId])).toEqual([{ booked_first: 4 }]);
    expect(await rows("SELECT id FROM appointment WHERE slot_id = $1 AND status = 'booked'", [slotId])).toHaveLength(4);
  });

  it('books the same person once, twice in one batch and again in a later batch', async () => {
    const day = await jcovdenDay(inDays(22), 5);
    const someone = person();
    const first = newBooking(catalogue.jcovden.id, [day.slots[0] as Slot], { person: { ...someone, employeeNumber: null } });
    const twin = newBooking(catalogue.jcovden.id, [day.slots[1] as Slot], { person: { ...someone, email: someone.email.toUpperCase(), employeeNumber: null } });
    expect(reasons(await together([first, twin, newBooking(catalogue.jcovden.id, [day.slots[1] as Slot])]))).toEqual(['booked', 'already_booked', 'booked']);
    const later = newBooking(catalogue.jcovden.id, [day.slots[2] as Slot], { person: { ...someone, employeeNumber: null } });
    expect(reasons([await answer(later)])).toEqual(['already_booked']);
    expect(
      await rows("SELECT count(*)::int AS n FROM booking WHERE status = 'active' AND idempotency_key = ANY($1)", [
        [first.idempotencyKey, twin.idempotencyKey, later.idempotencyKey],
      ]),
    ).toEqual([{ n: 1 }]);
    expect(await rows('SELECT sum(booked_first)::int AS n FROM slot WHERE day_id = $1', [day.id])).toEqual([{ n: 2 }]);
  });

  it('gives the twin of a booking that found no place its own chance in the next batch', async () => {
    const day = await jcovdenDay(inDays(23), 1);
    const full = day.slots[0] as Slot;
    await answer(newBooking(catalogue.jcovden.id, [full]));
    const someone = { ...person(), employeeNumber: null };
    const answers = await together([
      newBooking(catalogue.jcovden.id, [full], { person: someone }),
      newBooking(catalogue.jcovden.id, [day.slots[1] as Slot], { person: someone }),
    ]);
    expect(reasons(answers)).toEqual(['slot_full', 'booked']);
    expect(await rows('SELECT booked_first FROM slot WHERE id = $1', [day.slots[1]?.id])).toEqual([{ booked_first: 1 }]);
  });

  it('gives the same idempotency key one booking, twice in one batch and again in a later batch', async () => {
    const day = await jcovdenDay(inDays(24), 5);
    const once = newBooking(catalogue.jcovden.id, [day.slots[0] as Slot]);
    const [a, b] = await together([once, { ...once, code: newBookingCode() }]);
    expect(a && 'booked' in a).toBe(true);
    expect(b).toEqual({ refused: 'idempotent_replay' });
    expect(await answer({ ...once, code: newBookingCode() })).toEqual({ refused: 'idempotent_replay' });
    expect(await rows('SELECT count(*)::int AS n FROM booking WHERE idempotency_key = $1', [once.idempotencyKey])).toEqual([{ n: 1 }]);
    expect(await rows('SELECT booked_first FROM slot WHERE id = $1', [day.slots[0]?.id])).toEqual([{ booked_first: 1 }]);

    // Over HTTP the replays are answered with the first booking.
    const key = randomUUID();
    const request = { productId: catalogue.jcovden.id, doseKind: 'first' as const, slotId: day.slots[1]?.id ?? '', person: person() };
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => book(api, request, key)));
    const retried = await book(api, request, key);
    expect([...concurrent, retried].map((r) => r.status)).toEqual(Array<number>(6).fill(201));
    expect(new Set([...concurrent, retried].map((r) => r.body.bookingCode)).size).toBe(1);
    expect(await rows('SELECT count(*)::int AS n FROM booking WHERE idempotency_key = $1', [key])).toEqual([{ n: 1 }]);
  });

  it('refuses one booking of a batch for its own reason and books the others', async () => {
    const day = await jcovdenDay(inDays(25), 2);
    const [a, b, c] = day.slots as [Slot, Slot, Slot];
    const known = { ...person(), employeeNumber: `E-${randomUUID().slice(0, 8)}` };
    await answer(newBooking(catalogue.jcovden.id, [c], { person: known }));
    await answer(newBooking(catalogue.jcovden.id, [c]));
    const answers = await together([
      newBooking(catalogue.jcovden.id, [a]),
      newBooking(catalogue.jcovden.id, [b], { person: { ...person(), employeeNumber: known.employeeNumber } }),
      newBooking(catalogue.jcovden.id, [a]),
      newBooking(catalogue.jcovden.id, [b], { person: known }),
      newBooking(catalogue.jcovden.id, [c]),
      newBooking(catalogue.jcovden.id, [a], { doses: [{ slotId: a.id, kind: 'booster', doseNumber: 1 }] }),
      newBooking(catalogue.comirnaty.id, [b]),
      newBooking(catalogue.jcovden.id, [b]),
    ]);
    expect(reasons(answers)).toEqual(['booked', 'employee_number_taken', 'booked', 'already_booked', 'slot_full', 'slot_full', 'slot_full', 'booked']);
    expect(await rows('SELECT booked_first FROM slot WHERE id = ANY($1) ORDER BY starts_at', [[a.id, b.id, c.id]])).toEqual([
      { booked_first: 2 },
      { booked_first: 1 },
      { booked_first: 2 },
    ]);
  });

  it('answers a batch that fails as a whole booking by booking: a mail the mailer would refuse fails only its own booking', async () => {
    const day = await jcovdenDay(inDays(27), 5);
    const slot = day.slots[0] as Slot;
    const broken = newBooking(catalogue.jcovden.id, [slot]);
    const confirmation = broken.mail;
    if (!confirmation) throw new Error('a self-service booking carries its confirmation mail');
    const unsendable = {
      ...broken,
      mail: (ids: { bookingId: string; appointmentIds: string[] }) => ({ ...confirmation(ids), to: { email: 'not an address', name: '' } }),
    };
    const before = batches.length;
    const settled = await Promise.allSettled([answer(newBooking(catalogue.jcovden.id, [slot])), answer(unsendable), answer(newBooking(catalogue.jcovden.id, [slot]))]);
    expect(batches.slice(before)).toEqual([3]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled[1]?.status === 'rejected' && settled[1].reason instanceof AppException && settled[1].reason.code).toBe('mail.invalid');
    expect(await rows('SELECT booked_first FROM slot WHERE id = $1', [slot.id])).toEqual([{ booked_first: 2 }]);
    expect(await rows('SELECT count(*)::int AS n FROM booking WHERE idempotency_key = $1', [unsendable.idempotencyKey])).toEqual([{ n: 0 }]);
  });

  it('never books a day beyond its doses within a batch', async () => {
    const day = await jcovdenDay(inDays(28), 2, 3);
    const answers = await together(day.slots.slice(0, 3).flatMap((slot) => [newBooking(catalogue.jcovden.id, [slot]), newBooking(catalogue.jcovden.id, [slot])]));
    expect(reasons(answers)).toEqual(['booked', 'booked', 'booked', 'day_full', 'day_full', 'day_full']);
    expect(await rows('SELECT doses_booked, doses_cap FROM vaccination_day WHERE id = $1', [day.id])).toEqual([{ doses_booked: 3, doses_cap: 3 }]);
  });

  it('reserves the follow-up in the same commit as the first dose, its booking and its mail, or neither', async () => {
    const lot = catalogue.comirnatyLot.id;
    const first = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(30),
      lots: [{ lotId: lot, doses: 20 }],
      capacity: { first: 3, followUp: 0, booster: 0 },
    });
    const second = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(52),
      lots: [{ lotId: lot, doses: 20 }],
      capacity: { first: 0, followUp: 1, booster: 0 },
    });
    const [firstSlot, secondSlot] = [first.slots[0] as Slot, second.slots[0] as Slot];
    const bookings = Array.from({ length: 3 }, () => newBooking(catalogue.comirnaty.id, [firstSlot, secondSlot]));
    const answers = await together(bookings);
    expect(reasons(answers)).toEqual(['booked', 'slot_full', 'slot_full']);
    // The two refused did not keep a first-dose place without their follow-up.
    expect(await rows('SELECT booked_first, booked_follow_up FROM slot WHERE id = ANY($1) ORDER BY starts_at', [[firstSlot.id, secondSlot.id]])).toEqual([
      { booked_first: 1, booked_follow_up: 0 },
      { booked_first: 0, booked_follow_up: 1 },
    ]);
    // One transaction wrote the booking, both appointments and both slots' counts (the rows' xmin), the mail and its
    // delivery job (their now(): the start of the transaction that wrote them, to the microsecond).
    const booked = answers[0] && 'booked' in answers[0] ? answers[0].booked : null;
    expect(
      await rows(
        `WITH b AS (SELECT xmin AS x, created_at AS at FROM booking WHERE id = $1)
         SELECT (SELECT count(*) FROM appointment a, b WHERE a.booking_id = $1 AND a.xmin = b.x)::int AS appointments,
                (SELECT count(*) FROM slot s, b WHERE s.id = ANY($2) AND s.xmin = b.x)::int AS slots,
                (SELECT count(*) FROM outbox_message o, b WHERE o.created_at = b.at)::int AS mails,
                (SELECT count(*) FROM pgboss.job j JOIN outbox_message o ON j.data->>'outboxId' = o.id::text, b
                  WHERE o.created_at = b.at AND j.created_on = b.at)::int AS jobs`,
        [booked?.bookingId, [firstSlot.id, secondSlot.id]],
      ),
    ).toEqual([{ appointments: 2, slots: 2, mails: 1, jobs: 1 }]);
    expect(booked?.appointmentIds).toHaveLength(2);
  });
});
