import { Inject, Injectable } from '@nestjs/common';
import type { DayAppointment, DoseKind } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';

interface Row {
  appointment_id: string;
  person_id: string;
  code: string;
  starts_at: Date;
  ends_at: Date;
  dose_kind: DoseKind;
  dose_number: number;
  product_name: string;
  status: 'booked' | 'cancelled';
  given_name_encrypted: string;
  family_name_encrypted: string;
  birth_date_encrypted: string;
}

/** Who comes when on a day: appointments with the person's name and birth date, for the day view. */
@Injectable()
export class DayAppointmentsRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async forDay(dayId: string): Promise<(DayAppointment & { personId: string })[]> {
    const { rows } = await this.sql.query<Row>(
      `SELECT a.id AS appointment_id, b.person_id, b.code, s.starts_at, s.ends_at, a.dose_kind, a.dose_number, p.name AS product_name,
              a.status, pe.given_name_encrypted, pe.family_name_encrypted, pe.birth_date_encrypted
         FROM appointment a
         JOIN slot s ON s.id = a.slot_id
         JOIN booking b ON b.id = a.booking_id
         JOIN vaccine_product p ON p.id = b.product_id
         JOIN person pe ON pe.id = b.person_id
        WHERE s.day_id = $1
        ORDER BY s.starts_at, a.created_at`,
      [dayId],
    );
    return rows.map((row) => ({
      appointmentId: row.appointment_id,
      personId: row.person_id,
      bookingCode: row.code,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      doseKind: row.dose_kind,
      doseNumber: row.dose_number,
      productName: row.product_name,
      status: row.status,
      person: {
        givenName: personFields.givenName.decrypt(this.ring, row.given_name_encrypted),
        familyName: personFields.familyName.decrypt(this.ring, row.family_name_encrypted),
        birthDate: personFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
      },
    }));
  }
}
