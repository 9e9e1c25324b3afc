import { Inject, Injectable } from '@nestjs/common';
import type { CreateBookingRequest, DoseKind } from '@vaccinate/api-contracts';
import { normalizeEmail, normalizeIdentifier, type FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { Sql } from '../../database/sql';
import { OutboxRepository, type OutboxPayload } from '../outbox/outbox.repository';
import { SLOT_COLUMNS } from './dose-kind-columns';

/** The person of a booking, the employee number settled to null when not given. */
export type NewPerson = Omit<CreateBookingRequest['person'], 'employeeNumber'> & { employeeNumber: string | null };

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
  /** Commits with the booking, e.g. the waiting list marking its registration booked. */
  alsoInTransaction?: (client: PoolClient, bookingId: string) => Promise<void>;
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
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Returns the new ids and the slot changes to announce once committed. */
  async reserve(booking: NewBooking): Promise<{ bookingId: string; appointmentIds: string[]; changes: string[] }> {
    return this.sql.transaction(async (client) => {
      const personId = await this.upsertPerson(client, booking.person);
      const bookingId = await this.insertBooking(client, booking, personId);
      const changes: string[] = [];
      for (const dose of booking.doses) changes.push(await reserveDose(client, booking.productId, dose));
      const appointmentIds = await insertAppointments(client, bookingId, booking.doses);
      await this.outbox.enqueue(client, booking.mail({ bookingId, appointmentIds }));
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

  private async upsertPerson(client: PoolClient, person: NewPerson): Promise<string> {
    const ring = this.ring;
    const email = normalizeEmail(person.email);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO person (given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                           employee_number_encrypted, employee_number_index, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1) ON CONFLICT DO NOTHING RETURNING id`,
      [
        ring.encrypt(person.givenName, 'person.givenName'),
        ring.encrypt(person.familyName, 'person.familyName'),
        ring.encrypt(person.email, 'person.email'),
        ring.blindIndex(email, 'person.email'),
        ring.encrypt(person.birthDate, 'person.birthDate'),
        person.employeeNumber ? ring.encrypt(person.employeeNumber, 'person.employeeNumber') : null,
        person.employeeNumber ? ring.blindIndex(normalizeIdentifier(person.employeeNumber), 'person.employeeNumber') : null,
      ],
    );
    if (inserted.rows[0]) return inserted.rows[0].id;
    // An existing person keeps their record: a public form never overwrites what staff may have corrected.
    const existing = await client.query<{ id: string }>('SELECT id FROM person WHERE email_index = ANY($1)', [
      ring.blindIndexCandidates(email, 'person.email'),
    ]);
    if (!existing.rows[0]) throw new ReservationRefused('employee_number_taken');
    return existing.rows[0].id;
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
          this.ring.encrypt(booking.manageToken, 'booking.manageToken'),
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

async function insertAppointments(client: PoolClient, bookingId: string, doses: ReservedDose[]): Promise<string[]> {
  const values = doses.map((_, i) => `($1, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4})`).join(', ');
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO appointment (booking_id, slot_id, dose_kind, dose_number) VALUES ${values} RETURNING id`,
    [bookingId, ...doses.flatMap((dose) => [dose.slotId, dose.kind, dose.doseNumber])],
  );
  return rows.map((row) => row.id);
}
