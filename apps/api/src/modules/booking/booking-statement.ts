import type { ReservedDose } from './booking.repository';
import { SLOT_COLUMNS } from './dose-kind-columns';

/** Slot capacity and the day's dose cap are guarded by CHECK constraints; a reservation that breaks one fails the whole statement. */
const IMPOSSIBLE = 1_000_000;

export interface BookingStatementInput {
  bookingId: string;
  code: string;
  productId: string;
  locale: string;
  manageTokenHash: string;
  manageTokenEncrypted: string;
  idempotencyKey: string | null;
  person: {
    givenNameEncrypted: string;
    familyNameEncrypted: string;
    emailEncrypted: string;
    emailIndex: string;
    emailIndexCandidates: string[];
    birthDateEncrypted: string;
    employeeNumberEncrypted: string | null;
    employeeNumberIndex: string | null;
  };
  doses: (ReservedDose & { appointmentId: string })[];
  outbox: { kind: string; payloadEncrypted: string };
}

/**
 * A whole booking as ONE statement: every dose's place, the day's dose where its cap binds, the
 * person (reused when known), the booking, its appointments and its mail. A full slot, a day out
 * of doses, a slot not offered (made to break the same CHECK), a second active booking or a reused
 * idempotency key makes Postgres refuse the statement as a whole: nothing is half-written, and
 * no lock is held beyond this one round trip.
 */
export function bookingStatement(input: BookingStatementInput): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const product = param(input.productId);
  const ctes: string[] = [];
  const reservations: string[] = [];
  input.doses.forEach((dose, index) => {
    const { capacity, booked } = SLOT_COLUMNS[dose.kind];
    ctes.push(
      `r${index} AS (UPDATE slot s SET ${booked} = s.${booked} + CASE WHEN d.status = 'scheduled' AND s.starts_at > now()
           AND EXISTS (SELECT 1 FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = d.id AND l.product_id = ${product})
           THEN 1 ELSE ${IMPOSSIBLE} END
         FROM vaccination_day d WHERE s.id = ${param(dose.slotId)} AND d.id = s.day_id
         RETURNING s.id, s.day_id, d.doses_cap_binding AS binding, s.${capacity} - s.${booked} AS free)`,
      `c${index} AS (UPDATE vaccination_day v SET doses_booked = v.doses_booked + 1 FROM r${index}
         WHERE v.id = r${index}.day_id AND r${index}.binding RETURNING v.id)`,
    );
    reservations.push(`SELECT id, free, ${param(dose.kind)}::text AS kind FROM r${index}`);
  });
  const p = input.person;
  ctes.push(
    `known AS (SELECT id FROM person WHERE email_index = ANY(${param(p.emailIndexCandidates)}) LIMIT 1)`,
    `added AS (INSERT INTO person (given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted,
                                  employee_number_encrypted, employee_number_index, version)
       SELECT ${param(p.givenNameEncrypted)}, ${param(p.familyNameEncrypted)}, ${param(p.emailEncrypted)}, ${param(p.emailIndex)},
              ${param(p.birthDateEncrypted)}, ${param(p.employeeNumberEncrypted)}, ${param(p.employeeNumberIndex)}, 1
        WHERE NOT EXISTS (SELECT 1 FROM known) RETURNING id)`,
    `who AS (SELECT id FROM known UNION ALL SELECT id FROM added)`,
    `b AS (INSERT INTO booking (id, code, person_id, product_id, locale, manage_token_hash, manage_token_encrypted, idempotency_key)
       SELECT ${param(input.bookingId)}, ${param(input.code)}, who.id, ${product}, ${param(input.locale)}, ${param(input.manageTokenHash)},
              ${param(input.manageTokenEncrypted)}, ${param(input.idempotencyKey)} FROM who RETURNING id)`,
    `a AS (INSERT INTO appointment (id, booking_id, slot_id, dose_kind, dose_number)
       SELECT x.id::uuid, b.id, x.slot_id::uuid, x.kind, x.dose_number::int FROM b,
         (VALUES ${input.doses.map((dose) => `(${param(dose.appointmentId)}, ${param(dose.slotId)}, ${param(dose.kind)}, ${param(dose.doseNumber)})`).join(', ')})
           AS x(id, slot_id, kind, dose_number)
       RETURNING id)`,
    `o AS (INSERT INTO outbox_message (kind, payload_encrypted) SELECT ${param(input.outbox.kind)}, ${param(input.outbox.payloadEncrypted)} FROM b)`,
  );
  const text = `WITH ${ctes.join(',\n')}
    SELECT (SELECT count(*) FROM a)::int AS appointments,
           (SELECT json_agg(json_build_object('slotId', id, 'free', free, 'kind', kind)) FROM (${reservations.join(' UNION ALL ')}) x) AS slots`;
  // Prepared once per connection and shape: planning this statement costs more than running it.
  return { name: `book-${input.doses.map((dose) => dose.kind).join('-')}`, text, values };
}
