import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { bookingFields } from '../../database/encrypted-fields';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PersonRepository } from '../people/person.repository';
import { ReservationRefused, type NewBooking, type Reservation } from './booking.repository';
import { PlaceLedger, type LockedSlot } from './place-ledger';

/** A booking of a batch with the trace of the request that asked for it (its mail continues that trace). */
export interface BatchedBooking {
  booking: NewBooking;
  traceParent: string | null;
}

/**
 * What became of one booking of a batch. `again`: it collided with another booking of the same batch
 * (same person, same idempotency key) that then did not get its place, so it belongs in the next batch.
 */
export type BatchOutcome = { kind: 'booked'; reservation: Reservation } | { kind: 'refused'; refusal: ReservationRefused } | { kind: 'again' };

/**
 * A batch of bookings in one transaction with set-based statements: people, bookings, places,
 * appointments and mails each written by one statement for the whole batch, whatever its size.
 * Each booking still gets exactly what it would alone: refused for its own reason, never for another's.
 */
@Injectable()
export class BookingBatchRepository {
  constructor(
    private readonly people: PersonRepository,
    private readonly outbox: OutboxRepository,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Runs inside the caller's transaction; the outcomes are in the order of `batch`, true only once it commits. */
  async reserveAll(client: PoolClient, batch: BatchedBooking[]): Promise<BatchOutcome[]> {
    const bookings = batch.map((entry) => entry.booking);
    // Filled, not sparse: an entry left undefined means the next batch.
    const outcomes: (BatchOutcome | undefined)[] = Array.from({ length: bookings.length }, () => undefined);
    const people = await this.people.insertManyUnlessKnown(
      client,
      bookings.map((booking) => booking.person),
    );
    const named: number[] = [];
    people.ids.forEach((id, i) => (id ? named.push(i) : (outcomes[i] = refused(new ReservationRefused('employee_number_taken')))));

    const bookingIds = await this.insertBookings(
      client,
      named.map((i) => ({ index: i, booking: bookings[i] as NewBooking, personId: people.ids[i] as string })),
    );
    const written = named.filter((i) => bookingIds.has(i));
    // First come, first served: the order of `batch` is the order the requests arrived in.
    const ledger = new PlaceLedger(
      await this.lockSlots(
        client,
        written.map((i) => bookings[i] as NewBooking),
      ),
    );
    const binding = ledger.bindingDays();
    if (binding.length > 0) ledger.setDaysLeft(await this.lockDays(client, binding));
    const placed = new Set<number>();
    for (const i of written) {
      const refusal = ledger.take((bookings[i] as NewBooking).productId, (bookings[i] as NewBooking).doses);
      if (refusal) outcomes[i] = refused(refusal);
      else placed.add(i);
    }
    await this.writePlaces(client, ledger);

    await this.settleCollisions(
      client,
      bookings,
      people.ids,
      named.filter((i) => !bookingIds.has(i)),
      bookingIds,
      placed,
      outcomes,
    );
    const unplaced = written.filter((i) => !placed.has(i));
    const personsBooked = new Set([...placed].map((i) => people.ids[i]));
    await this.removeUnplaced(
      client,
      unplaced.map((i) => bookingIds.get(i) as string),
      [...people.inserted].filter((id) => !personsBooked.has(id)),
    );

    const winners = [...placed];
    const appointments = await this.insertAppointments(
      client,
      winners.map((i) => ({ bookingId: bookingIds.get(i) as string, doses: (bookings[i] as NewBooking).doses })),
    );
    await this.outbox.enqueueMany(
      client,
      winners.flatMap((i) => {
        const bookingId = bookingIds.get(i) as string;
        const mail = (bookings[i] as NewBooking).mail;
        return mail ? [{ payload: mail({ bookingId, appointmentIds: appointments.get(bookingId) ?? [] }), traceParent: batch[i]?.traceParent ?? null }] : [];
      }),
    );
    for (const i of winners) {
      const bookingId = bookingIds.get(i) as string;
      const doses = (bookings[i] as NewBooking).doses;
      outcomes[i] = {
        kind: 'booked',
        reservation: { bookingId, appointmentIds: appointments.get(bookingId) ?? [], changes: doses.map((dose) => ledger.change(dose.slotId, dose.kind)) },
      };
    }
    return outcomes.map((outcome) => outcome ?? { kind: 'again' });
  }

  /** One multi-row insert; a booking that collides (same key, or the person's active booking of the product) is skipped, not an error. */
  private async insertBookings(client: PoolClient, rows: { index: number; booking: NewBooking; personId: string }[]): Promise<Map<number, string>> {
    if (rows.length === 0) return new Map();
    const values = rows.map((_, row) => `(${Array.from({ length: 7 }, (_, column) => `$${row * 7 + column + 1}`).join(', ')})`).join(', ');
    const { rows: inserted } = await client.query<{ id: string; code: string }>(
      `INSERT INTO booking (code, person_id, product_id, locale, manage_token_hash, manage_token_encrypted, idempotency_key)
       VALUES ${values} ON CONFLICT DO NOTHING RETURNING id, code`,
      rows.flatMap(({ booking, personId }) => [
        booking.code,
        personId,
        booking.productId,
        booking.locale,
        booking.manageTokenHash,
        bookingFields.manageToken.encrypt(this.ring, booking.manageToken),
        booking.idempotencyKey,
      ]),
    );
    const idByCode = new Map(inserted.map((row) => [row.code, row.id]));
    const ids = new Map<number, string>();
    for (const { index, booking } of rows) {
      const id = idByCode.get(booking.code);
      if (id) ids.set(index, id);
    }
    return ids;
  }

  /**
   * Locks the slots the batch wants (in id order, as every batch does) and reads what they hold, whether
   * they are open, and which of the batch's products their day has a lot of.
   */
  private async lockSlots(client: PoolClient, bookings: NewBooking[]): Promise<LockedSlot[]> {
    const slotIds = [...new Set(bookings.flatMap((booking) => booking.doses.map((dose) => dose.slotId)))];
    if (slotIds.length === 0) return [];
    const products = [...new Set(bookings.map((booking) => booking.productId))];
    const { rows } = await client.query<{
      id: string;
      day_id: string;
      open: boolean;
      binding: boolean;
      products: string[];
      capacity_first: number;
      booked_first: number;
      capacity_follow_up: number;
      booked_follow_up: number;
      capacity_booster: number;
      booked_booster: number;
    }>(
      `SELECT s.id, s.day_id, d.status = 'scheduled' AND s.starts_at > now() AS open, d.doses_cap_binding AS binding,
              ARRAY(SELECT DISTINCT l.product_id::text FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id
                     WHERE dl.day_id = d.id AND l.product_id = ANY($2::uuid[])) AS products,
              s.capacity_first, s.booked_first, s.capacity_follow_up, s.booked_follow_up, s.capacity_booster, s.booked_booster
         FROM slot s JOIN vaccination_day d ON d.id = s.day_id
        WHERE s.id = ANY($1::uuid[]) ORDER BY s.id FOR UPDATE OF s`,
      [slotIds, products],
    );
    return rows.map((row) => ({
      slotId: row.id,
      dayId: row.day_id,
      open: row.open,
      binding: row.binding,
      products: new Set(row.products),
      free: { first: row.capacity_first - row.booked_first, followUp: row.capacity_follow_up - row.booked_follow_up, booster: row.capacity_booster - row.booked_booster },
    }));
  }

  /** Days whose dose cap binds, locked after their slots (as a single booking does) and in id order. */
  private async lockDays(client: PoolClient, dayIds: string[]): Promise<Map<string, number>> {
    const { rows } = await client.query<{ id: string; left: number }>(
      'SELECT id, doses_cap - doses_booked AS left FROM vaccination_day WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [dayIds],
    );
    return new Map(rows.map((row) => [row.id, row.left]));
  }

  /**
   * One statement for every place the batch took: `UPDATE … FROM (VALUES …)` on the slots, and on the
   * days whose cap binds. The bounds are checked again in SQL; a mismatch fails the whole batch rather
   * than overbook.
   */
  private async writePlaces(client: PoolClient, ledger: PlaceLedger): Promise<void> {
    const slots = ledger.takenBySlot();
    if (slots.length === 0) return;
    const days = ledger.takenByDay();
    const params: unknown[] = [];
    const param = (value: unknown, cast: string): string => {
      params.push(value);
      return `$${params.length}::${cast}`;
    };
    const slotValues = slots
      .map((slot) => `(${param(slot.slotId, 'uuid')}, ${param(slot.taken.first, 'int')}, ${param(slot.taken.followUp, 'int')}, ${param(slot.taken.booster, 'int')})`)
      .join(', ');
    const dayValues = days.map((day) => `(${param(day.dayId, 'uuid')}, ${param(day.taken, 'int')})`).join(', ');
    const daysUpdate =
      days.length > 0
        ? `days AS (UPDATE vaccination_day d SET doses_booked = d.doses_booked + v.taken FROM (VALUES ${dayValues}) v(id, taken)
                     WHERE d.id = v.id AND d.doses_booked + v.taken <= d.doses_cap RETURNING d.id),`
        : '';
    const { rows } = await client.query<{ slots: number; days: number }>(
      `WITH ${daysUpdate}
            slots AS (UPDATE slot s SET booked_first = s.booked_first + v.first, booked_follow_up = s.booked_follow_up + v.follow_up,
                                        booked_booster = s.booked_booster + v.booster
                        FROM (VALUES ${slotValues}) v(id, first, follow_up, booster)
                       WHERE s.id = v.id AND s.booked_first + v.first <= s.capacity_first
                         AND s.booked_follow_up + v.follow_up <= s.capacity_follow_up AND s.booked_booster + v.booster <= s.capacity_booster
                      RETURNING s.id)
       SELECT (SELECT count(*) FROM slots)::int AS slots, ${days.length > 0 ? '(SELECT count(*) FROM days)::int' : '0'} AS days`,
      params,
    );
    const written = rows[0];
    if (written?.slots !== slots.length || written.days !== days.length) throw new Error('a batch took places its locked rows did not hold');
  }

  /**
   * Bookings the insert skipped: a collision with another booking of this batch follows that booking
   * (replay or already booked if it got its place, the next batch if not); any other is with a
   * committed booking, its idempotency key or the person's active booking.
   */
  private async settleCollisions(
    client: PoolClient,
    bookings: NewBooking[],
    personIds: (string | null)[],
    skipped: number[],
    bookingIds: Map<number, string>,
    placed: Set<number>,
    outcomes: (BatchOutcome | undefined)[],
  ): Promise<void> {
    const committed: number[] = [];
    for (const i of skipped) {
      const booking = bookings[i] as NewBooking;
      const sameKey = booking.idempotencyKey ? [...bookingIds.keys()].find((j) => bookings[j]?.idempotencyKey === booking.idempotencyKey) : undefined;
      const samePerson = [...bookingIds.keys()].find((j) => personIds[j] === personIds[i] && bookings[j]?.productId === booking.productId);
      const partner = sameKey ?? samePerson;
      if (partner === undefined) committed.push(i);
      else if (placed.has(partner)) outcomes[i] = refused(new ReservationRefused(partner === sameKey ? 'idempotent_replay' : 'already_booked'));
      // else: left undefined, so it goes to the next batch.
    }
    const keys = committed.map((i) => bookings[i]?.idempotencyKey).filter((key): key is string => Boolean(key));
    const known = new Set<string>();
    if (keys.length > 0) {
      const { rows } = await client.query<{ idempotency_key: string }>('SELECT idempotency_key FROM booking WHERE idempotency_key = ANY($1)', [keys]);
      for (const row of rows) known.add(row.idempotency_key);
    }
    for (const i of committed) {
      const key = bookings[i]?.idempotencyKey;
      outcomes[i] = refused(new ReservationRefused(key && known.has(key) ? 'idempotent_replay' : 'already_booked'));
    }
  }

  /** Takes back what a booking without a place wrote: its booking row, and the person if the batch created them for nothing. */
  private async removeUnplaced(client: PoolClient, bookingIds: string[], personIds: string[]): Promise<void> {
    if (bookingIds.length > 0) await client.query('DELETE FROM booking WHERE id = ANY($1::uuid[])', [bookingIds]);
    if (personIds.length > 0) await client.query('DELETE FROM person WHERE id = ANY($1::uuid[])', [personIds]);
  }

  /** One multi-row insert; returns the appointment ids of each booking in the order of its doses. */
  private async insertAppointments(client: PoolClient, rows: { bookingId: string; doses: NewBooking['doses'] }[]): Promise<Map<string, string[]>> {
    const doses = rows.flatMap(({ bookingId, doses }) => doses.map((dose) => ({ bookingId, ...dose })));
    if (doses.length === 0) return new Map();
    const values = doses.map((_, i) => `($${i * 4 + 1}::uuid, $${i * 4 + 2}::uuid, $${i * 4 + 3}, $${i * 4 + 4}::int)`).join(', ');
    const { rows: inserted } = await client.query<{ id: string; booking_id: string; slot_id: string }>(
      `INSERT INTO appointment (booking_id, slot_id, dose_kind, dose_number) VALUES ${values} RETURNING id, booking_id, slot_id`,
      doses.flatMap((dose) => [dose.bookingId, dose.slotId, dose.kind, dose.doseNumber]),
    );
    const idOf = new Map(inserted.map((row) => [`${row.booking_id}:${row.slot_id}`, row.id]));
    return new Map(rows.map(({ bookingId, doses }) => [bookingId, doses.map((dose) => idOf.get(`${bookingId}:${dose.slotId}`) ?? '')]));
  }
}

function refused(refusal: ReservationRefused): BatchOutcome {
  return { kind: 'refused', refusal };
}
