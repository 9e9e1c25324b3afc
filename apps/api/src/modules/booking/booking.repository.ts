import { Inject, Injectable } from '@nestjs/common';
import type { DoseKind } from '@vaccinate/api-contracts';
import { normalizeEmail, normalizeIdentifier, type FieldKeyRing } from '@vaccinate/field-encryption';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { Sql } from '../../database/sql';
import { OutboxRepository, type OutboxPayload } from '../outbox/outbox.repository';
import { bookingStatement } from './booking-statement';
import { SLOT_COLUMNS } from './dose-kind-columns';

export interface NewPerson {
  givenName: string;
  familyName: string;
  email: string;
  birthDate: string;
  employeeNumber: string | null;
}

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
  mail: (ids: { bookingId: string; appointmentIds: string[] }) => OutboxPayload;
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
const CHECK_VIOLATION = '23514';
const SLOT_CHECKS: Record<string, DoseKind> = { ck_slot_first: 'first', ck_slot_follow_up: 'followUp', ck_slot_booster: 'booster' };

/** What a refused booking statement means for the person, from the constraint Postgres names. */
function refusalOf(error: unknown, doses: ReservedDose[]): ReservationRefused | 'retry' | null {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code === CHECK_VIOLATION && constraint && SLOT_CHECKS[constraint]) {
    const dose = doses.find((candidate) => candidate.kind === SLOT_CHECKS[constraint]);
    return new ReservationRefused('slot_full', dose?.slotId, dose?.kind);
  }
  if (code === CHECK_VIOLATION && constraint === 'ck_vaccination_day_doses') return new ReservationRefused('day_full');
  if (code !== UNIQUE_VIOLATION) return null;
  switch (constraint) {
    case 'uq_booking_idempotency_key':
      return new ReservationRefused('idempotent_replay');
    case 'uq_booking_active_person_product':
      return new ReservationRefused('already_booked');
    case 'uq_person_employee_number_index':
      return new ReservationRefused('employee_number_taken');
    case 'uq_person_email_index':
      return 'retry';
    default:
      return null;
  }
}

/** The booking path in plain SQL: a booking is one statement; a dose is one conditional UPDATE. */
@Injectable()
export class BookingRepository {
  constructor(
    private readonly sql: Sql,
    private readonly outbox: OutboxRepository,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /**
   * Books in one statement (see bookingStatement). Returns the new ids and the slot changes to
   * announce; a refusal is a ReservationRefused, with nothing written.
   */
  async reserve(booking: NewBooking): Promise<{ bookingId: string; appointmentIds: string[]; changes: string[] }> {
    const bookingId = randomUUID();
    const appointmentIds = booking.doses.map(() => randomUUID());
    const ring = this.ring;
    const email = normalizeEmail(booking.person.email);
    const employeeNumber = booking.person.employeeNumber;
    const statement = bookingStatement({
      bookingId,
      code: booking.code,
      productId: booking.productId,
      locale: booking.locale,
      manageTokenHash: booking.manageTokenHash,
      manageTokenEncrypted: ring.encrypt(booking.manageToken, 'booking.manageToken'),
      idempotencyKey: booking.idempotencyKey,
      person: {
        givenNameEncrypted: ring.encrypt(booking.person.givenName, 'person.givenName'),
        familyNameEncrypted: ring.encrypt(booking.person.familyName, 'person.familyName'),
        emailEncrypted: ring.encrypt(booking.person.email, 'person.email'),
        emailIndex: ring.blindIndex(email, 'person.email'),
        emailIndexCandidates: ring.blindIndexCandidates(email, 'person.email'),
        birthDateEncrypted: ring.encrypt(booking.person.birthDate, 'person.birthDate'),
        employeeNumberEncrypted: employeeNumber ? ring.encrypt(employeeNumber, 'person.employeeNumber') : null,
        employeeNumberIndex: employeeNumber ? ring.blindIndex(normalizeIdentifier(employeeNumber), 'person.employeeNumber') : null,
      },
      doses: booking.doses.map((dose, index) => ({ ...dose, appointmentId: appointmentIds[index] as string })),
      outbox: this.outbox.seal(booking.mail({ bookingId, appointmentIds })),
    });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { rows } = await this.sql.prepared<{ appointments: number; slots: { slotId: string; free: number; kind: string }[] }>(
          statement.name,
          statement.text,
          statement.values,
        );
        const changes = (rows[0]?.slots ?? []).map((slot) => `slot:${slot.slotId}:${slot.kind}:${slot.free}`);
        return { bookingId, appointmentIds, changes };
      } catch (error) {
        const refusal = refusalOf(error, booking.doses);
        // Two first bookings of the same new person at once: the second finds the person on retry.
        if (refusal === 'retry' && attempt < 2) continue;
        if (refusal && refusal !== 'retry') throw refusal;
        throw error;
      }
    }
  }

  /** The booking an idempotency key created, if any. */
  async findByIdempotencyKey(key: string): Promise<{ id: string; productId: string; code: string; manageToken: string } | null> {
    const { rows } = await this.sql.query<{ id: string; product_id: string; code: string; manage_token_encrypted: string }>(
      'SELECT id, product_id, code, manage_token_encrypted FROM booking WHERE idempotency_key = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return null;
    return { id: row.id, productId: row.product_id, code: row.code, manageToken: this.ring.decrypt(row.manage_token_encrypted, 'booking.manageToken') };
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
    const day = await client.query(
      'UPDATE vaccination_day SET doses_booked = doses_booked + 1 WHERE id = $1 AND doses_booked < doses_cap',
      [reserved.day_id],
    );
    if (day.rowCount !== 1) throw new ReservationRefused('day_full', dose.slotId, dose.kind);
  }
  return `slot:${dose.slotId}:${dose.kind}:${reserved.free}`;
}

/** Gives a place back (cancellation, rebooking); returns the change to announce after commit. */
export async function releaseDose(client: PoolClient, slotId: string, kind: DoseKind): Promise<string | null> {
  const { capacity, booked } = SLOT_COLUMNS[kind];
  const slot = await client.query<{ day_id: string; binding: boolean; free: number }>(
    `UPDATE slot s SET ${booked} = ${booked} - 1 FROM vaccination_day d
      WHERE s.id = $1 AND d.id = s.day_id AND s.${booked} > 0
      RETURNING s.day_id, d.doses_cap_binding AS binding, s.${capacity} - s.${booked} AS free`,
    [slotId],
  );
  const released = slot.rows[0];
  if (!released) return null;
  if (released.binding) {
    await client.query('UPDATE vaccination_day SET doses_booked = doses_booked - 1 WHERE id = $1 AND doses_booked > 0', [released.day_id]);
  }
  return `slot:${slotId}:${kind}:${released.free}`;
}
