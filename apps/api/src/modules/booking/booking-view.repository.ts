import { Inject, Injectable } from '@nestjs/common';
import type { DoseKind } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { bookingFields, personFields } from '../../database/encrypted-fields';
import { Sql, type SqlClient } from '../../database/sql';
import type { BookingView } from './booking-view';

interface Row {
  id: string;
  code: string;
  status: 'active' | 'cancelled';
  locale: 'de' | 'en';
  product_id: string;
  product_name: string;
  given_name_encrypted: string;
  family_name_encrypted: string;
  email_encrypted: string;
  manage_token_encrypted: string;
  appointments: {
    id: string;
    slot_id: string;
    dose_kind: DoseKind;
    dose_number: number;
    status: 'booked' | 'cancelled';
    starts_at: string;
    ends_at: string;
    site_id: string;
    site_name: string;
    street: string;
    postal_code: string;
    city: string;
  }[];
}

const SELECT = `
  SELECT b.id, b.code, b.status, coalesce(pe.locale, b.locale) AS locale, b.product_id, p.name AS product_name, pe.given_name_encrypted,
         pe.family_name_encrypted, pe.email_encrypted, b.manage_token_encrypted,
         coalesce((SELECT json_agg(json_build_object(
                    'id', a.id, 'slot_id', a.slot_id, 'dose_kind', a.dose_kind, 'dose_number', a.dose_number, 'status', a.status,
                    'starts_at', s.starts_at, 'ends_at', s.ends_at, 'site_id', si.id, 'site_name', si.name,
                    'street', si.street, 'postal_code', si.postal_code, 'city', si.city) ORDER BY a.dose_number, a.created_at)
                     FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN vaccination_day d ON d.id = s.day_id
                     JOIN site si ON si.id = d.site_id WHERE a.booking_id = b.id), '[]') AS appointments
    FROM booking b JOIN vaccine_product p ON p.id = b.product_id JOIN person pe ON pe.id = b.person_id`;

/** Reads bookings for the manage page and the mails. */
@Injectable()
export class BookingViewRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async byManageTokenHash(hash: string): Promise<BookingView | null> {
    return this.one(this.sql, `${SELECT} WHERE b.manage_token_hash = $1`, [hash]);
  }

  async byId(id: string, client: SqlClient = this.sql, lock = false): Promise<BookingView | null> {
    if (lock) await client.query('SELECT 1 FROM booking WHERE id = $1 FOR UPDATE', [id]);
    return this.one(client, `${SELECT} WHERE b.id = $1`, [id]);
  }

  private async one(client: SqlClient, text: string, params: unknown[]): Promise<BookingView | null> {
    const { rows } = await client.query<Row>(text, params);
    const row = rows[0];
    if (!row) return null;
    const ring = this.ring;
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      locale: row.locale,
      product: { id: row.product_id, name: row.product_name },
      person: {
        givenName: personFields.givenName.decrypt(ring, row.given_name_encrypted),
        familyName: personFields.familyName.decrypt(ring, row.family_name_encrypted),
        email: personFields.email.decrypt(ring, row.email_encrypted),
      },
      manageToken: bookingFields.manageToken.decrypt(ring, row.manage_token_encrypted),
      appointments: row.appointments.map((a) => ({
        id: a.id,
        slotId: a.slot_id,
        doseKind: a.dose_kind,
        doseNumber: a.dose_number,
        status: a.status,
        startsAt: new Date(a.starts_at).toISOString(),
        endsAt: new Date(a.ends_at).toISOString(),
        site: { id: a.site_id, name: a.site_name, street: a.street, postalCode: a.postal_code, city: a.city },
      })),
    };
  }
}
