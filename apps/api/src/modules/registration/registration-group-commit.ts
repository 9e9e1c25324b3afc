import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { Sql } from '../../database/sql';
import { activeTraceParent } from '../../tracing/active-trace';
import { OutboxRepository, type OutboxPayload } from '../outbox/outbox.repository';

/** A registration as it is written: every personal field already ciphertext, the e-mail as blind indexes. */
export interface SealedRegistration {
  trackingCode: string;
  givenNameEncrypted: string;
  familyNameEncrypted: string;
  emailEncrypted: string;
  /** Under the current key: what the unique index compares. */
  emailIndex: string;
  /** Under every key of the ring: finds a registration written before a key rotation. */
  emailIndexCandidates: string[];
  birthDateEncrypted: string;
  phoneEncrypted: string | null;
  profileEncrypted: string;
  productId: string | null;
  preferredSiteIds: string[];
  preferredWeekdays: number[];
  /** The keyed priority order (see PriorityOrder), not the rank. */
  priorityOrder: number | null;
  /**
   * The receipt for a tracking code: queued in the same commit when this row is written; a person
   * registered already gets it again with their earlier code (they may have lost the first).
   */
  mail: (trackingCode: string) => OutboxPayload;
}

interface Waiting {
  registration: SealedRegistration;
  /** The request's trace, taken when it is queued: the batch commits outside any request. */
  traceParent: string | null;
  resolve: (answer: { trackingCode: string; created: boolean }) => void;
  reject: (error: unknown) => void;
}

const COLUMNS = 12;
/** Postgres takes at most 65,535 parameters per statement; batches stay far below. */
const MAX_BATCH = 400;

/**
 * Group commit for the intake: registrations that arrive in the same turn of the event loop are
 * written by one multi-row INSERT, one commit, and each caller is answered only after it. Under a
 * burst this turns thousands of single-row commits into a few hundred statements. The receipts of
 * the rows written are queued in the same transaction (two more statements), so a registration
 * and its mail commit together.
 */
@Injectable()
export class RegistrationGroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly sql: Sql,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Resolves once the registration is committed, or with the tracking code of the same person's earlier one. */
  write(registration: SealedRegistration): Promise<{ trackingCode: string; created: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ registration, traceParent: activeTraceParent(), resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      void this.commit(batch);
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    try {
      const inserted = await this.sql.transaction(async (client) => {
        const written = await this.insert(
          client,
          batch.map((waiting) => waiting.registration),
        );
        const receipts = batch.filter((waiting) => written.get(waiting.registration.emailIndex) === waiting.registration.trackingCode);
        await this.outbox.enqueueMany(
          client,
          receipts.map((waiting) => ({ payload: waiting.registration.mail(waiting.registration.trackingCode), traceParent: waiting.traceParent })),
        );
        return written;
      });
      const others = batch.filter((waiting) => !inserted.has(waiting.registration.emailIndex));
      const existing = others.length > 0 ? await this.existing(others.flatMap((waiting) => waiting.registration.emailIndexCandidates)) : new Map<string, string>();
      const answers = batch.map((waiting) => {
        const own = inserted.get(waiting.registration.emailIndex);
        // A row this batch inserted answers only the first of several with the same e-mail.
        if (own === waiting.registration.trackingCode) return { trackingCode: own, created: true };
        const earlier = own ?? waiting.registration.emailIndexCandidates.map((index) => existing.get(index)).find(Boolean);
        return earlier ? { trackingCode: earlier, created: false } : null;
      });
      await this.resendReceipts(batch, answers);
      batch.forEach((waiting, i) => {
        const answer = answers[i];
        if (answer) waiting.resolve(answer);
        else waiting.reject(new Error('registration neither inserted nor found'));
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  /** The receipts of those registered already, with their earlier code, in one more commit. */
  private async resendReceipts(batch: Waiting[], answers: ({ trackingCode: string; created: boolean } | null)[]): Promise<void> {
    const again = batch.flatMap((waiting, i) => {
      const answer = answers[i];
      return answer && !answer.created ? [{ payload: waiting.registration.mail(answer.trackingCode), traceParent: waiting.traceParent }] : [];
    });
    if (again.length > 0) await this.sql.transaction((client) => this.outbox.enqueueMany(client, again));
  }

  /** One statement for the whole batch; returns tracking code by e-mail index of the rows it inserted. */
  private async insert(client: PoolClient, registrations: SealedRegistration[]): Promise<Map<string, string>> {
    const values = registrations.map((_, row) => `(${Array.from({ length: COLUMNS }, (_, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`).join(', ');
    const { rows } = await client.query<{ tracking_code: string; email_index: string }>(
      `INSERT INTO registration (tracking_code, given_name_encrypted, family_name_encrypted, email_encrypted, email_index,
                                 birth_date_encrypted, phone_encrypted, profile_encrypted, product_id, preferred_site_ids, preferred_weekdays,
                                 priority_order)
       VALUES ${values}
       ON CONFLICT (email_index) DO NOTHING RETURNING tracking_code, email_index`,
      registrations.flatMap((r) => [
        r.trackingCode,
        r.givenNameEncrypted,
        r.familyNameEncrypted,
        r.emailEncrypted,
        r.emailIndex,
        r.birthDateEncrypted,
        r.phoneEncrypted,
        r.profileEncrypted,
        r.productId,
        r.preferredSiteIds,
        r.preferredWeekdays,
        r.priorityOrder,
      ]),
    );
    return new Map(rows.map((row) => [row.email_index, row.tracking_code]));
  }

  private async existing(indexes: string[]): Promise<Map<string, string>> {
    const { rows } = await this.sql.query<{ tracking_code: string; email_index: string }>(
      'SELECT tracking_code, email_index FROM registration WHERE email_index = ANY($1)',
      [indexes],
    );
    return new Map(rows.map((row) => [row.email_index, row.tracking_code]));
  }
}
