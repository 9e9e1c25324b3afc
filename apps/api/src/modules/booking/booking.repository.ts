import { Inject, Injectable } from '@nestjs/common';
import type { DoseKind } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { bookingFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import { OutboxRepository, type OutboxPayload } from '../outbox/outbox.repository';
import { PersonRepository, type NewPerson } from '../people/person.repository';
import { SLOT_COLUMNS } from './dose-kind-columns';

/** The person a booking names; the people repository writes them. */
export type { NewPerson } from '../people/person.repository';

export interface ReservedDose {
  slotId: string;
  kind: DoseKind;
  doseNumber: number;
}

export interface NewBooking {
  person: NewPerson;
  productId: string;
  locale: 'de' | 'en';
  code: string;
  manageToken: string;
  manageTokenHash: string;
  idempotencyKey: string | null;
  doses: ReservedDose[];
  /** Absent for a booking made on site: the person is in the room, and hears at check-out. */
  mail?: (ids: { bookingId: string; appointmentIds: string[] }) => OutboxPayload;
  /** Commits with the booking, e.g. the waiting list marking its registration booked. */
  alsoInTransaction?: (client: PoolClient, bookingId: string) => Promise<void>;
  /** A spare dose already on site: each slot first gets the place the dose takes, so a full day still takes it. */
  sparePlace?: boolean;
}

/** A booking as committed: its ids and the slot changes to announce (`slot:<id>:<kind>:<free>`). */
export interface Reservation {
  bookingId: string;
  appointmentIds: string[];
  changes: string[];
}

/** Why a reservation did not happen; the transaction was rolled back. */
export class ReservationRefused extends Error {
  constructor(
    readonly reason: 'slot_full' | 'day_full' | 'not_offered' | 'already_booked' | 'idempotent_replay' | 'employee_number_taken',
    readonly slotId?: string,
    readonly kind?: DoseKind,
  ) {
    super(reason);
  }
}

const UNIQUE_VIOLATION = '23505';

/** The booking path in plain SQL: one transaction, one conditional UPDATE per reserved dose, no lock held across a round trip outside it. */
@Injectable()
export class BookingRepository {
  constructor(
    private readonly sql: Sql,
    private readonly outbox: OutboxRepository,
    private readonly people: PersonRepository,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Returns the new ids and the slot changes to announce once committed. */
  async reserve(booking: NewBooking): Promise<Reservation> {
    return this.sql.transaction(async (client) => {
      const personId = await this.people.insertUnlessKnown(client, booking.person);
      if (!personId) throw new ReservationRefused('employee_number_taken');
      const bookingId = await this.insertBooking(client, booking, personId);
      const changes: string[] = [];
      for (const dose of booking.doses) {
        if (booking.sparePlace) await this.addSparePlace(client, dose);
        changes.push(await reserveDose(client, booking.productId, dose));
      }
      const appointmentIds = await insertAppointments(client, bookingId, booking.doses);
      if (booking.mail) await this.outbox.enqueue(client, booking.mail({ bookingId, appointmentIds }));
      await booking.alsoInTransaction?.(client, bookingId);
      return { bookingId, appointmentIds, changes };
    });
  }

  /** The booking an idempotency key created, if any. */
  async findByIdempotencyKey(key: string): Promise<{ id: string; productId: string; code: string; manageToken: string } | null> {
    const { rows } = await this.sql.query<{ id: string; product_id: string; code: string; manage_token_encrypted: string }>(
      'SELECT id, product_id, code, manage_token_encrypted FROM booking WHERE idempotency_key = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return null;
    return { id: row.id, productId: row.product_id, code: row.code, manageToken: bookingFields.manageToken.decrypt(this.ring, row.manage_token_encrypted) };
  }

  /** The booking's language (and so its person's) from now on; the person's id, or null when the booking is gone. */
  async setLocale(client: PoolClient, bookingId: string, locale: 'de' | 'en'): Promise<string | null> {
    const { rows } = await client.query<{ person_id: string }>('UPDATE booking SET locale = $2, updated_at = now() WHERE id = $1 RETURNING person_id', [
      bookingId,
      locale,
    ]);
    const personId = rows[0]?.person_id ?? null;
    if (personId) await this.people.setLocale(client, personId, locale);
    return personId;
  }

  /** Whether a slot can take no more of `kind` (full, or its day out of doses), to tell a full slot from a wrong one. */
  async isExhausted(slotId: string, kind: DoseKind): Promise<boolean> {
    const { capacity, booked } = SLOT_COLUMNS[kind];
    const { rows } = await this.sql.query<{ exhausted: boolean }>(
      `SELECT (s.${booked} >= s.${capacity} OR (d.doses_cap_binding AND d.doses_booked >= d.doses_cap)) AND s.${capacity} > 0 AS exhausted
         FROM slot s JOIN vaccination_day d ON d.id = s.day_id WHERE s.id = $1`,
      [slotId],
    );
    return rows[0]?.exhausted ?? false;
  }

  /**
   * The one way a booked appointment ends early (cancelled by the person, by a cancelled day, by a no-show):
   * the appointments are cancelled, their places and doses go back, and a booking left with no booked
   * appointment is cancelled. Returns the slot changes to announce once committed.
   */
  async cancelAppointments(
    client: PoolClient,
    bookingId: string,
    selection: AppointmentSelection,
  ): Promise<{ changes: string[]; dosesFreed: number; bookingCancelled: boolean }> {
    const { rows } = await client.query<{ slot_id: string; dose_kind: DoseKind }>(
      'ids' in selection
        ? `UPDATE appointment SET status = 'cancelled' WHERE booking_id = $1 AND status = 'booked' AND id = ANY($2::uuid[])
           RETURNING slot_id, dose_kind`
        : `UPDATE appointment a SET status = 'cancelled' FROM slot s
            WHERE s.id = a.slot_id AND a.booking_id = $1 AND a.status = 'booked'
              AND s.starts_at >= (SELECT f.starts_at FROM slot f JOIN appointment x ON x.slot_id = f.id WHERE x.id = $2)
           RETURNING a.slot_id, a.dose_kind`,
      [bookingId, 'ids' in selection ? selection.ids : selection.fromAppointmentId],
    );
    const changes = await this.releaseDoses(
      client,
      rows.map((row) => ({ slotId: row.slot_id, kind: row.dose_kind })),
    );
    const cancelled = await client.query(
      `UPDATE booking SET status = 'cancelled', updated_at = now()
        WHERE id = $1 AND status = 'active' AND NOT EXISTS (SELECT 1 FROM appointment WHERE booking_id = $1 AND status = 'booked')`,
      [bookingId],
    );
    return { changes, dosesFreed: changes.filter((change) => change.startsWith('slot:')).length, bookingCancelled: cancelled.rowCount === 1 };
  }

  /**
   * Moves a booked appointment: the new place is taken first (or ReservationRefused), then the old one
   * goes back the same way a cancellation gives it back. Returns the slot changes to announce.
   */
  async moveAppointment(client: PoolClient, move: AppointmentMove): Promise<string[]> {
    const taken = await reserveDose(client, move.productId, { slotId: move.toSlotId, kind: move.kind, doseNumber: move.doseNumber });
    const { rows } = await client.query<{ slot_id: string; dose_kind: DoseKind }>(
      `UPDATE appointment a SET slot_id = $2, dose_kind = $3, dose_number = $4
         FROM (SELECT id, slot_id, dose_kind FROM appointment WHERE id = $1 AND status = 'booked' FOR UPDATE) old
        WHERE a.id = old.id
       RETURNING old.slot_id, old.dose_kind`,
      [move.appointmentId, move.toSlotId, move.kind, move.doseNumber],
    );
    const old = rows[0];
    // Callers hold the booking's lock and saw the appointment booked; anything else must roll back the place just taken.
    if (!old) throw new Error('the appointment to move is no longer booked');
    return [taken, ...(await this.releaseDoses(client, [{ slotId: old.slot_id, kind: old.dose_kind }]))];
  }

  /** The booked appointments of a day, by booking. */
  async bookedAppointmentsOnDay(client: PoolClient, dayId: string): Promise<Map<string, string[]>> {
    const { rows } = await client.query<{ booking_id: string; appointment_ids: string[] }>(
      `SELECT a.booking_id, array_agg(a.id) AS appointment_ids FROM appointment a JOIN slot s ON s.id = a.slot_id
        WHERE s.day_id = $1 AND a.status = 'booked' GROUP BY a.booking_id`,
      [dayId],
    );
    return new Map(rows.map((row) => [row.booking_id, row.appointment_ids]));
  }

  /** The booking's next booked appointment after `exceptAppointmentId`, still ahead: the one check-out confirms or moves. */
  async nextBookedAppointment(
    db: SqlClient,
    bookingId: string,
    exceptAppointmentId: string,
  ): Promise<{ appointmentId: string; startsAt: string; siteName: string } | null> {
    const { rows } = await db.query<{ id: string; starts_at: Date; site_name: string }>(
      `SELECT a.id, s.starts_at, si.name AS site_name FROM appointment a JOIN slot s ON s.id = a.slot_id
         JOIN vaccination_day d ON d.id = s.day_id JOIN site si ON si.id = d.site_id
        WHERE a.booking_id = $1 AND a.status = 'booked' AND a.id <> $2 AND s.starts_at > now()
        ORDER BY s.starts_at LIMIT 1`,
      [bookingId, exceptAppointmentId],
    );
    const row = rows[0];
    return row ? { appointmentId: row.id, startsAt: row.starts_at.toISOString(), siteName: row.site_name } : null;
  }

  /** The earliest slot of the day still ahead with room for `kind`: a walk-in takes the next free place, never a booked one. */
  async nextFreeSlot(dayId: string, kind: DoseKind): Promise<string | null> {
    const { capacity, booked } = SLOT_COLUMNS[kind];
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT s.id FROM slot s JOIN vaccination_day d ON d.id = s.day_id
        WHERE s.day_id = $1 AND s.starts_at > now() AND s.${booked} < s.${capacity}
          AND (NOT d.doses_cap_binding OR d.doses_booked < d.doses_cap)
        ORDER BY s.starts_at LIMIT 1`,
      [dayId],
    );
    return rows[0]?.id ?? null;
  }

  /** The earliest slot of the day still ahead, full or not: where a spare dose goes when no place is free. */
  async nextSlot(dayId: string): Promise<string | null> {
    const { rows } = await this.sql.query<{ id: string }>(`SELECT id FROM slot WHERE day_id = $1 AND starts_at > now() ORDER BY starts_at LIMIT 1`, [dayId]);
    return rows[0]?.id ?? null;
  }

  /**
   * One more place of `kind` in the slot, and one more dose for its day where the day's cap binds and is
   * reached: a spare dose is on site already, so taking it overbooks nothing.
   */
  async addSparePlace(client: PoolClient, dose: { slotId: string; kind: DoseKind }): Promise<void> {
    const { capacity, booked } = SLOT_COLUMNS[dose.kind];
    await client.query(`UPDATE slot SET ${capacity} = ${capacity} + 1 WHERE id = $1 AND ${booked} >= ${capacity}`, [dose.slotId]);
    await client.query(
      `UPDATE vaccination_day d SET doses_cap = d.doses_cap + 1 FROM slot s
        WHERE s.id = $1 AND d.id = s.day_id AND d.doses_cap_binding AND d.doses_booked >= d.doses_cap`,
      [dose.slotId],
    );
  }

  /** Adds a dose to an existing booking (the next dose booked at check-out); ReservationRefused if its place is gone. */
  async addAppointment(client: PoolClient, bookingId: string, productId: string, dose: ReservedDose): Promise<string> {
    const taken = await reserveDose(client, productId, dose);
    await insertAppointments(client, bookingId, [dose]);
    return taken;
  }

  /** Gives places back: one per dose in its slot, and one dose of the day where the day's cap binds. */
  async releaseDoses(client: PoolClient, doses: { slotId: string; kind: DoseKind }[]): Promise<string[]> {
    const changes: string[] = [];
    for (const dose of doses) {
      const { capacity, booked } = SLOT_COLUMNS[dose.kind];
      const slot = await client.query<{ day_id: string; binding: boolean; free: number }>(
        `UPDATE slot s SET ${booked} = ${booked} - 1 FROM vaccination_day d
          WHERE s.id = $1 AND d.id = s.day_id AND s.${booked} > 0
          RETURNING s.day_id, d.doses_cap_binding AS binding, s.${capacity} - s.${booked} AS free`,
        [dose.slotId],
      );
      const released = slot.rows[0];
      if (!released) continue;
      changes.push(`slot:${dose.slotId}:${dose.kind}:${released.free}`);
      if (released.binding) {
        await client.query('UPDATE vaccination_day SET doses_booked = doses_booked - 1 WHERE id = $1 AND doses_booked > 0', [released.day_id]);
        // Every slot of the day may have been refused for the day's cap; this dose is open to all of them.
        changes.push(`day:${released.day_id}`);
      }
    }
    return changes;
  }

  private async insertBooking(client: PoolClient, booking: NewBooking, personId: string): Promise<string> {
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO booking (code, person_id, product_id, locale, manage_token_hash, manage_token_encrypted, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          booking.code,
          personId,
          booking.productId,
          booking.locale,
          booking.manageTokenHash,
          bookingFields.manageToken.encrypt(this.ring, booking.manageToken),
          booking.idempotencyKey,
        ],
      );
      return rows[0]?.id as string;
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'uq_booking_idempotency_key') throw new ReservationRefused('idempotent_replay');
      if (code === UNIQUE_VIOLATION && constraint === 'uq_booking_active_person_product') throw new ReservationRefused('already_booked');
      throw error;
    }
  }
}

/**
 * Takes one place of `kind` in the slot (and one dose of its day where the day's cap can bind),
 * or refuses. Returns the change to announce after commit (`slot:<id>:<kind>:<free>`).
 */
export async function reserveDose(client: PoolClient, productId: string, dose: ReservedDose): Promise<string> {
  const { capacity, booked } = SLOT_COLUMNS[dose.kind];
  const slot = await client.query<{ day_id: string; binding: boolean; free: number }>(
    `UPDATE slot s SET ${booked} = ${booked} + 1
       FROM vaccination_day d
      WHERE s.id = $1 AND d.id = s.day_id AND d.status = 'scheduled' AND s.starts_at > now()
        AND s.${booked} < s.${capacity}
        AND EXISTS (SELECT 1 FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = d.id AND l.product_id = $2)
      RETURNING s.day_id, d.doses_cap_binding AS binding, s.${capacity} - s.${booked} AS free`,
    [dose.slotId, productId],
  );
  const reserved = slot.rows[0];
  if (!reserved) throw new ReservationRefused('slot_full', dose.slotId, dose.kind);
  if (reserved.binding) {
    const day = await client.query('UPDATE vaccination_day SET doses_booked = doses_booked + 1 WHERE id = $1 AND doses_booked < doses_cap', [reserved.day_id]);
    if (day.rowCount !== 1) throw new ReservationRefused('day_full', dose.slotId, dose.kind);
  }
  return `slot:${dose.slotId}:${dose.kind}:${reserved.free}`;
}

/** Which of a booking's booked appointments to cancel. */
export type AppointmentSelection =
  | { ids: string[] }
  /** The named appointment and every later one of its booking (a no-show loses the rest of the series). */
  | { fromAppointmentId: string };

/** A booked appointment moving to another slot, possibly as another dose (check-out books the next dose by the schedule). */
export interface AppointmentMove {
  appointmentId: string;
  productId: string;
  toSlotId: string;
  kind: DoseKind;
  doseNumber: number;
}

async function insertAppointments(client: PoolClient, bookingId: string, doses: ReservedDose[]): Promise<string[]> {
  const values = doses.map((_, i) => `($1, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4})`).join(', ');
  const { rows } = await client.query<{ id: string }>(`INSERT INTO appointment (booking_id, slot_id, dose_kind, dose_number) VALUES ${values} RETURNING id`, [
    bookingId,
    ...doses.flatMap((dose) => [dose.slotId, dose.kind, dose.doseNumber]),
  ]);
  return rows.map((row) => row.id);
}
