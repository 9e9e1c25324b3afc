import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../database/sql';

/** Which appointments still need their reminder; several pods take disjoint batches. */
@Injectable()
export class ReminderRepository {
  /** Up to `limit` booked appointments on `date` (in `timeZone`) not reminded yet, locked; others' locked rows are skipped. */
  async lockDue(db: SqlClient, date: string, timeZone: string, limit: number): Promise<{ appointmentId: string; bookingId: string }[]> {
    const { rows } = await db.query<{ id: string; booking_id: string }>(
      `SELECT a.id, a.booking_id FROM appointment a
         JOIN slot s ON s.id = a.slot_id JOIN booking b ON b.id = a.booking_id
        WHERE a.status = 'booked' AND b.status = 'active' AND a.reminder_sent_at IS NULL
          AND (s.starts_at AT TIME ZONE $2)::date = $1::date
        ORDER BY a.id LIMIT $3
        FOR UPDATE OF a SKIP LOCKED`,
      [date, timeZone, limit],
    );
    return rows.map((row) => ({ appointmentId: row.id, bookingId: row.booking_id }));
  }

  async markReminded(db: SqlClient, appointmentIds: string[]): Promise<void> {
    await db.query('UPDATE appointment SET reminder_sent_at = now() WHERE id = ANY($1::uuid[])', [appointmentIds]);
  }
}
