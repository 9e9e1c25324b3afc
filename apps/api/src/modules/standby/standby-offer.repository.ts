import type { Announcement, DoseKind } from '@vaccinate/api-contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { registrationFields, standbyMemberFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import type { SentSms } from './sms/sms-sender';
import type { SmsStatus } from './standby-offer.entity';

/** Not offered more often than this per local day, whatever the announcements. */
export const MAX_OFFERS_PER_DAY = 3;

export type { Announcement };

export interface NewAnnouncement {
  siteId: string;
  productId: string;
  doses: number;
  availableUntil: Date;
  offerMinutes: number;
  overbookingFactor: number;
  announcedBy: string;
}

export interface StandbyCandidate {
  memberId: string;
  givenName: string;
  email: string;
  phone: string | null;
  birthDate: string;
  locale: 'de' | 'en';
}

/** Takes an offer in the given transaction and returns its announcement's id. */
export type TakeOffer = (client: PoolClient) => Promise<string>;

export interface OpenOffer {
  siteId: string;
  productId: string;
  registrationId: string | null;
  bookingId: string | null;
  locale: 'de' | 'en';
}

/** What a provider's status callback names: its message id, and the offer id sent with the text (none for texts sent before it went along). */
export interface SmsReportTarget {
  provider: SentSms['provider'];
  messageId: string;
  offerId?: string | undefined;
}

/**
 * The status a callback leaves: delivered and failed are final, a "sent" (a step before the
 * handset) never replaces them, whichever order the reports come in.
 */
const smsStatusFromCallback = (status: string) => `sms_status = CASE WHEN ${status} = 'sent' AND sms_status IN ('delivered', 'failed') THEN sms_status ELSE ${status} END,
  sms_status_at = CASE WHEN ${status} = 'sent' AND sms_status IN ('delivered', 'failed') THEN sms_status_at ELSE now() END`;

export type ConfirmOutcome = { outcome: 'confirmed' | 'already_taken' | 'expired'; announcementId: string } | { outcome: 'not_found' };

const ANNOUNCEMENT_COLUMNS = `a.id, a.site_id, a.product_id, a.doses, a.taken, a.available_until, a.offer_minutes, a.overbooking_factor, a.status,
  (SELECT count(*) FROM standby_offer o WHERE o.announcement_id = a.id) AS offered,
  (SELECT count(*) FROM standby_offer o WHERE o.announcement_id = a.id AND o.status = 'offered' AND o.expires_at > now()) AS open,
  (SELECT json_build_object('sent', count(*) FILTER (WHERE o.sms_status = 'sent'), 'delivered', count(*) FILTER (WHERE o.sms_status = 'delivered'),
     'failed', count(*) FILTER (WHERE o.sms_status = 'failed')) FROM standby_offer o WHERE o.announcement_id = a.id) AS sms`;

interface AnnouncementRow {
  id: string;
  site_id: string;
  product_id: string;
  doses: number;
  taken: number;
  available_until: Date;
  offer_minutes: number;
  overbooking_factor: string;
  status: 'open' | 'closed';
  offered: string;
  open: string;
  sms: { sent: number; delivered: number; failed: number };
}

function announcement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    siteId: row.site_id,
    productId: row.product_id,
    doses: row.doses,
    taken: row.taken,
    availableUntil: row.available_until.toISOString(),
    offerMinutes: row.offer_minutes,
    overbookingFactor: Number(row.overbooking_factor),
    status: row.status,
    offered: Number(row.offered),
    open: Number(row.open),
    sms: row.sms,
  };
}

/** Announcements, offers and confirmations; the cap on confirmations is one conditional UPDATE. */
@Injectable()
export class StandbyOfferRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(input: NewAnnouncement): Promise<string> {
    const { rows } = await this.sql.query<{ id: string }>(
      `INSERT INTO standby_announcement (site_id, product_id, doses, available_until, offer_minutes, overbooking_factor, announced_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [input.siteId, input.productId, input.doses, input.availableUntil, input.offerMinutes, input.overbookingFactor, input.announcedBy],
    );
    return rows[0]?.id as string;
  }

  async list(): Promise<Announcement[]> {
    const { rows } = await this.sql.query<AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM standby_announcement a ORDER BY a.created_at DESC LIMIT 200`);
    return rows.map(announcement);
  }

  async find(id: string): Promise<Announcement | null> {
    const { rows } = await this.sql.query<AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM standby_announcement a WHERE a.id = $1`, [id]);
    return rows[0] ? announcement(rows[0]) : null;
  }

  async openIds(): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>(`SELECT id FROM standby_announcement WHERE status = 'open'`);
    return rows.map((row) => row.id);
  }

  /**
   * In the dispatch transaction: locks the announcement (one wave at a time), expires lapsed
   * offers, closes it when taken or over, and returns it with its open offers counted.
   */
  async lockForWave(client: PoolClient, id: string): Promise<(Announcement & { wave: number }) | null> {
    await client.query(`UPDATE standby_offer SET status = 'expired' WHERE announcement_id = $1 AND status = 'offered' AND expires_at <= now()`, [id]);
    await client.query(`UPDATE standby_announcement SET status = 'closed' WHERE id = $1 AND status = 'open' AND (taken >= doses OR available_until <= now())`, [id]);
    const { rows } = await client.query<AnnouncementRow & { wave: number }>(
      `SELECT ${ANNOUNCEMENT_COLUMNS}, (SELECT coalesce(max(wave), 0) FROM standby_offer o WHERE o.announcement_id = a.id) AS wave
         FROM standby_announcement a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    return row ? { ...announcement(row), wave: Number(row.wave) } : null;
  }

  /**
   * Members who may get an offer now, in priority order: at the site, not offered this
   * announcement yet, under the daily limit, outside their quiet hours, and free some time
   * between now and the end of the announcement.
   */
  async candidates(client: PoolClient, announcementId: string, limit: number): Promise<StandbyCandidate[]> {
    const { rows } = await client.query<{
      id: string;
      given_name_encrypted: string;
      email_encrypted: string;
      phone_encrypted: string | null;
      birth_date_encrypted: string;
      locale: 'de' | 'en';
    }>(
      `WITH a AS (
         SELECT id, site_id, (now() AT TIME ZONE $2)::time AS now_local,
                CASE WHEN (available_until AT TIME ZONE $2)::date > (now() AT TIME ZONE $2)::date THEN '24:00'::time
                     ELSE (available_until AT TIME ZONE $2)::time END AS until_local,
                (date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2) AS day_start
           FROM standby_announcement WHERE id = $1)
       SELECT m.id, m.given_name_encrypted, m.email_encrypted, m.phone_encrypted, m.birth_date_encrypted, m.locale
         FROM standby_member m, a
        WHERE m.active
          AND (cardinality(m.site_ids) = 0 OR a.site_id = ANY(m.site_ids))
          AND NOT EXISTS (SELECT 1 FROM standby_offer o WHERE o.announcement_id = a.id AND o.member_id = m.id)
          AND (SELECT count(*) FROM standby_offer o WHERE o.member_id = m.id AND o.offered_at >= a.day_start) < $3
          AND NOT (m.quiet_from IS NOT NULL AND m.quiet_to IS NOT NULL AND CASE
                WHEN m.quiet_from <= m.quiet_to THEN a.now_local >= m.quiet_from AND a.now_local < m.quiet_to
                ELSE a.now_local >= m.quiet_from OR a.now_local < m.quiet_to END)
          AND (jsonb_array_length(m.time_windows) = 0 OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(m.time_windows) w
                 WHERE (w->>'from')::time < a.until_local AND (w->>'to')::time > a.now_local))
        ORDER BY m.priority_order NULLS LAST, m.created_at, m.id
        LIMIT $4`,
      [announcementId, this.config.timeZone, MAX_OFFERS_PER_DAY, limit],
    );
    const ring = this.ring;
    return rows.map((row) => ({
      memberId: row.id,
      givenName: standbyMemberFields.givenName.decrypt(ring, row.given_name_encrypted),
      email: standbyMemberFields.email.decrypt(ring, row.email_encrypted),
      phone: row.phone_encrypted ? standbyMemberFields.phone.decrypt(ring, row.phone_encrypted) : null,
      birthDate: standbyMemberFields.birthDate.decrypt(ring, row.birth_date_encrypted),
      locale: row.locale,
    }));
  }

  /** Who confirmed an announcement, for the staff at the site; decrypted here, audited by the caller. */
  async confirmedMembers(announcementId: string): Promise<{ memberId: string; givenName: string; confirmedAt: string }[]> {
    const { rows } = await this.sql.query<{ id: string; given_name_encrypted: string; answered_at: Date }>(
      `SELECT m.id, m.given_name_encrypted, o.answered_at FROM standby_offer o JOIN standby_member m ON m.id = o.member_id
        WHERE o.announcement_id = $1 AND o.status = 'taken' ORDER BY o.answered_at`,
      [announcementId],
    );
    return rows.map((row) => ({
      memberId: row.id,
      givenName: standbyMemberFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      confirmedAt: row.answered_at.toISOString(),
    }));
  }

  async insertOffer(client: PoolClient, offer: { announcementId: string; memberId: string; tokenHash: string; wave: number; expiresAt: Date }): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO standby_offer (announcement_id, member_id, token_hash, wave, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [offer.announcementId, offer.memberId, offer.tokenHash, offer.wave, offer.expiresAt],
    );
    return rows[0]?.id as string;
  }

  /**
   * The offer's text message went to the provider (`sent`, with its message id), or the provider
   * refused it (`failed`). The status is the send's only when no callback has told one yet: a report
   * can come back before the send's answer, and it knows better.
   */
  async recordSms(offerId: string, outcome: SentSms | 'failed'): Promise<void> {
    const [provider, messageId, status] = outcome === 'failed' ? [null, null, 'failed'] : [outcome.provider, outcome.messageId, 'sent'];
    await this.sql.query(
      `UPDATE standby_offer SET sms_provider = coalesce($2, sms_provider), sms_message_id = coalesce($3, sms_message_id),
         sms_status = coalesce(sms_status, $4), sms_status_at = CASE WHEN sms_status IS NULL THEN now() ELSE sms_status_at END
        WHERE id = $1`,
      [offerId, provider, messageId, status],
    );
  }

  /**
   * A provider's status callback, by the offer id sent with the text when it names one (storing the
   * message id too, if the send's answer has not yet), else by message id. An offer that already
   * has another message is not taken over. False when no offer has the message.
   */
  async updateSmsStatus(target: SmsReportTarget, status: SmsStatus): Promise<boolean> {
    const { provider, messageId, offerId } = target;
    const { rows } = offerId
      ? await this.sql.query<{ id: string }>(
          `UPDATE standby_offer SET sms_provider = $2, sms_message_id = $3, ${smsStatusFromCallback('$4')}
            WHERE id = $1 AND (sms_message_id IS NULL OR (sms_provider = $2 AND sms_message_id = $3))
              AND NOT EXISTS (SELECT 1 FROM standby_offer other WHERE other.sms_provider = $2 AND other.sms_message_id = $3 AND other.id <> $1)
            RETURNING id`,
          [offerId, provider, messageId, status],
        )
      : await this.sql.query<{ id: string }>(`UPDATE standby_offer SET ${smsStatusFromCallback('$3')} WHERE sms_provider = $1 AND sms_message_id = $2 RETURNING id`, [
          provider,
          messageId,
          status,
        ]);
    return rows.length > 0;
  }

  /**
   * First come, first served, never beyond the doses: the offer is taken and the announcement's
   * count goes up in one transaction; the conditional UPDATE (row-locked, `taken < doses`) refuses
   * every confirmation after the last dose. `within` runs the taking in a transaction of its own
   * choice (the spare dose's booking), which must roll back when the taking throws.
   */
  async confirm(tokenHash: string, within: (take: TakeOffer) => Promise<string> = (take) => this.sql.transaction(take)): Promise<ConfirmOutcome> {
    try {
      return { outcome: 'confirmed', announcementId: await within((client) => this.take(client, tokenHash)) };
    } catch (error) {
      if (error instanceof AllTaken) return this.markTooLate(tokenHash, error.announcementId);
      if (error instanceof NotOpen) return this.explain(tokenHash);
      throw error;
    }
  }

  /** An offer that may still be taken, with what booking its dose needs: where, what, and who (from a registration or a booking). */
  async openOffer(tokenHash: string): Promise<OpenOffer | null> {
    const { rows } = await this.sql.query<{ site_id: string; product_id: string; registration_id: string | null; booking_id: string | null; locale: 'de' | 'en' }>(
      `SELECT a.site_id, a.product_id, m.registration_id, m.booking_id, m.locale
         FROM standby_offer o JOIN standby_announcement a ON a.id = o.announcement_id JOIN standby_member m ON m.id = o.member_id
        WHERE o.token_hash = $1 AND o.status = 'offered' AND o.expires_at > now()`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { siteId: row.site_id, productId: row.product_id, registrationId: row.registration_id, bookingId: row.booking_id, locale: row.locale } : null;
  }

  /** The site's vaccination day running today with a lot of the product, if any. */
  async runningDay(siteId: string, productId: string): Promise<{ id: string; date: string } | null> {
    const { rows } = await this.sql.query<{ id: string; date: string }>(
      `SELECT d.id, to_char(d.date, 'YYYY-MM-DD') AS date FROM vaccination_day d
        WHERE d.site_id = $1 AND d.status = 'scheduled' AND d.date = (now() AT TIME ZONE $3)::date
          AND EXISTS (SELECT 1 FROM vaccination_day_lot dl JOIN lot l ON l.id = dl.lot_id WHERE dl.day_id = d.id AND l.product_id = $2)
        ORDER BY d.opens_at LIMIT 1`,
      [siteId, productId, this.config.timeZone],
    );
    return rows[0] ?? null;
  }

  /** The person a registration names, decrypted for the booking of their spare dose. */
  async registrationPerson(registrationId: string): Promise<{ givenName: string; familyName: string; email: string; birthDate: string } | null> {
    const { rows } = await this.sql.query<{ given_name_encrypted: string; family_name_encrypted: string; email_encrypted: string; birth_date_encrypted: string }>(
      `SELECT given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted FROM registration WHERE id = $1 AND status = 'queued'`,
      [registrationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      givenName: registrationFields.givenName.decrypt(this.ring, row.given_name_encrypted),
      familyName: registrationFields.familyName.decrypt(this.ring, row.family_name_encrypted),
      email: registrationFields.email.decrypt(this.ring, row.email_encrypted),
      birthDate: registrationFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
    };
  }

  /** A booking's next booked appointment of the product still ahead: what a spare dose today replaces. */
  async nextAppointmentOf(bookingId: string, productId: string): Promise<{ appointmentId: string; kind: DoseKind; doseNumber: number; personId: string } | null> {
    const { rows } = await this.sql.query<{ id: string; dose_kind: DoseKind; dose_number: number; person_id: string }>(
      `SELECT a.id, a.dose_kind, a.dose_number, b.person_id FROM appointment a JOIN booking b ON b.id = a.booking_id JOIN slot s ON s.id = a.slot_id
        WHERE b.id = $1 AND b.product_id = $2 AND b.status = 'active' AND a.status = 'booked' AND s.starts_at > now()
        ORDER BY s.starts_at LIMIT 1`,
      [bookingId, productId],
    );
    const row = rows[0];
    return row ? { appointmentId: row.id, kind: row.dose_kind, doseNumber: row.dose_number, personId: row.person_id } : null;
  }

  /** The person who made a booking. */
  async bookingPersonId(bookingId: string): Promise<string | null> {
    const { rows } = await this.sql.query<{ person_id: string }>('SELECT person_id FROM booking WHERE id = $1', [bookingId]);
    return rows[0]?.person_id ?? null;
  }

  /** Takes the offer and counts it, in the caller's transaction; throws (rolling it back) when it cannot be taken. */
  private async take(client: PoolClient, tokenHash: string): Promise<string> {
    const offer = await client.query<{ id: string; announcement_id: string }>(
      `UPDATE standby_offer SET status = 'taken', answered_at = now()
        WHERE token_hash = $1 AND status = 'offered' AND expires_at > now() RETURNING id, announcement_id`,
      [tokenHash],
    );
    const taken = offer.rows[0];
    if (!taken) throw new NotOpen();
    const counted = await client.query(
      `UPDATE standby_announcement SET taken = taken + 1
        WHERE id = $1 AND status = 'open' AND taken < doses AND available_until > now()`,
      [taken.announcement_id],
    );
    if (counted.rowCount !== 1) throw new AllTaken(taken.announcement_id);
    return taken.announcement_id;
  }

  /** What an offer that could not be taken now is: confirmed before (a second click), too late, expired or unknown. */
  private async explain(tokenHash: string): Promise<ConfirmOutcome> {
    const { rows } = await this.sql.query<{ status: string; announcement_id: string; lapsed: boolean; full: boolean }>(
      `SELECT o.status, o.announcement_id, o.expires_at <= now() AS lapsed, (a.taken >= a.doses OR a.status = 'closed') AS full
         FROM standby_offer o JOIN standby_announcement a ON a.id = o.announcement_id WHERE o.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return { outcome: 'not_found' };
    if (row.status === 'taken') return { outcome: 'confirmed', announcementId: row.announcement_id };
    if (row.status === 'too_late' || row.full) return { outcome: 'already_taken', announcementId: row.announcement_id };
    return { outcome: 'expired', announcementId: row.announcement_id };
  }

  private async markTooLate(tokenHash: string, announcementId: string): Promise<ConfirmOutcome> {
    await this.sql.query(`UPDATE standby_offer SET status = 'too_late', answered_at = now() WHERE token_hash = $1 AND status = 'offered'`, [tokenHash]);
    return { outcome: 'already_taken', announcementId };
  }
}

class NotOpen extends Error {
  constructor() {
    super('offer not open');
  }
}

class AllTaken extends Error {
  constructor(readonly announcementId: string) {
    super('all doses taken');
  }
}
