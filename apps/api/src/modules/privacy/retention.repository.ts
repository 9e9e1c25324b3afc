import { Injectable } from '@nestjs/common';
import type { RetentionConfig } from '../../config/api-config';
import { Sql } from '../../database/sql';

/** How many rows one retention run removed or cleared, per kind. */
export interface RetentionResult {
  registrations: number;
  standbyMembers: number;
  mails: number;
  certificateLinks: number;
  dataAccessLinks: number;
  auditEvents: number;
  signInCounters: number;
  staffSignIns: number;
}

/** A registration's booking reached a vaccination of its person: then it is documentation's context, not a waiting-list entry. */
const REGISTRATION_VACCINATED = `EXISTS (SELECT 1 FROM booking b JOIN vaccination v ON v.person_id = b.person_id WHERE b.id = r.booking_id)`;
const REGISTRATION_UPCOMING = `EXISTS (SELECT 1 FROM appointment a JOIN slot s ON s.id = a.slot_id
                                      WHERE a.booking_id = r.booking_id AND a.status = 'booked' AND s.starts_at > now())`;
const MEMBER_VACCINATED = `EXISTS (SELECT 1 FROM booking b JOIN vaccination v ON v.person_id = b.person_id
                                    WHERE b.id = m.booking_id OR b.id = (SELECT r.booking_id FROM registration r WHERE r.id = m.registration_id))`;

/**
 * The retention periods' SQL: each statement removes only rows older than their period, and only
 * of the kinds the periods name (vaccination documentation is never touched here).
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly sql: Sql) {}

  async apply(periods: RetentionConfig): Promise<RetentionResult> {
    return this.sql.transaction(async (client) => {
      const count = async (text: string, days: number) => (await client.query(text, [days])).rowCount ?? 0;
      const registrations = await count(
        `DELETE FROM registration r WHERE r.created_at < now() - make_interval(days => $1)
            AND NOT ${REGISTRATION_VACCINATED} AND NOT ${REGISTRATION_UPCOMING}`,
        periods.unvaccinatedDays,
      );
      const standbyMembers = await count(
        `DELETE FROM standby_member m WHERE m.created_at < now() - make_interval(days => $1) AND (NOT m.active OR NOT ${MEMBER_VACCINATED})`,
        periods.unvaccinatedDays,
      );
      const mails = await count(`DELETE FROM outbox_message WHERE status <> 'pending' AND created_at < now() - make_interval(days => $1)`, periods.mailDays);
      const certificateLinks = (await client.query(`DELETE FROM certificate_link WHERE expires_at < now()`)).rowCount ?? 0;
      const dataAccessLinks = (await client.query(`DELETE FROM data_access_link WHERE expires_at < now() OR used_at IS NOT NULL`)).rowCount ?? 0;
      const auditEvents = await count(`DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => $1)`, periods.auditDays);
      const signInCounters = await count(`DELETE FROM shared_counter WHERE expires_at < now() - make_interval(days => $1)`, periods.signInDays);
      const staffSignIns = await count(`UPDATE staff_account SET last_sign_in_at = NULL WHERE last_sign_in_at < now() - make_interval(days => $1)`, periods.signInDays);
      return { registrations, standbyMembers, mails, certificateLinks, dataAccessLinks, auditEvents, signInCounters, staffSignIns };
    });
  }
}
