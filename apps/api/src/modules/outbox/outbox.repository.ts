import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { DeadLetter } from '@vaccinate/api-contracts';
import { validateSendMailRequest, type MailTenant, type QueuedMail } from '@vaccinate/mail-contracts';
import type { PoolClient } from 'pg';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { AppException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { outboxFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { activeTraceParent } from '../../tracing/active-trace';

/** A mail as the mailer function takes it, without the tenant part (added when it is sent). */
export type OutboxPayload = QueuedMail;

/** The delivery job of one outbox message: no mail content, which stays encrypted in the outbox. */
export interface MailJobData {
  outboxId: string;
  /** The trace of the request that queued it, if that request was traced; the delivery continues it. */
  traceParent: string | null;
}

export interface OutboxMessage {
  id: string;
  attempts: number;
  payload: OutboxPayload;
}

/**
 * The outbox table stays the staff-facing record of every mail (written in the caller's
 * transaction with its pg-boss delivery job): the payload must stay encrypted, and staff list
 * and replay dead letters with their reason long after pg-boss has archived and deleted its jobs.
 * Retries, backoff and the dead-letter queue are pg-boss's; this table only follows the outcome.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly sql: Sql,
    private readonly jobs: JobRunner,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Writes a mail and its delivery job in the caller's transaction, checked first against the
   * mailer's own contract: a mail the mailer would refuse fails the request that made it (and
   * rolls it back), instead of ending in the dead letters. The problems name fields only, never
   * their values. A rolled-back transaction leaves neither the mail nor its job.
   */
  async enqueue(client: PoolClient, payload: OutboxPayload): Promise<void> {
    this.check(payload);
    const traceParent = activeTraceParent();
    const { rows } = await client.query<{ id: string }>('INSERT INTO outbox_message (kind, payload_encrypted, trace_parent) VALUES ($1, $2, $3) RETURNING id', [
      `mail:${payload.template}`,
      outboxFields.payload.encrypt(this.ring, JSON.stringify(payload)),
      traceParent,
    ]);
    await this.sendJob(client, { outboxId: String(rows[0]?.id), traceParent });
  }

  /**
   * Several mails and their delivery jobs in the caller's transaction, two statements whatever their
   * number (a group-committed batch of bookings or registrations). Each is checked as `enqueue` checks
   * it; the first the mailer would refuse fails the whole call, so the caller can try the mails one by one.
   */
  async enqueueMany(client: PoolClient, mails: { payload: OutboxPayload; traceParent: string | null }[]): Promise<void> {
    if (mails.length === 0) return;
    for (const mail of mails) this.check(mail.payload);
    const { rows } = await client.query<{ id: string; trace_parent: string | null }>(
      `INSERT INTO outbox_message (kind, payload_encrypted, trace_parent)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id, trace_parent`,
      [
        mails.map(({ payload }) => `mail:${payload.template}`),
        mails.map(({ payload }) => outboxFields.payload.encrypt(this.ring, JSON.stringify(payload))),
        mails.map(({ traceParent }) => traceParent),
      ],
    );
    await this.jobs.insertInTransaction(
      client,
      JobQueue.mail,
      rows.map((row): MailJobData => ({ outboxId: String(row.id), traceParent: row.trace_parent })),
    );
  }

  /** A mail the mailer would refuse fails the request that made it; the problems name fields only, never their values. */
  private check(payload: OutboxPayload): void {
    const checked = validateSendMailRequest({ ...payload, tenant: mailTenantOf(this.config) });
    if (!checked.ok) {
      throw new AppException(
        'mail.invalid',
        422,
        'The mail for this change cannot be sent',
        'Check the listed details and try again.',
        checked.errors.map(({ field, message }) => ({ field: `mail.${field}`, message })),
      );
    }
  }

  private sendJob(client: PoolClient, data: MailJobData): Promise<void> {
    return this.jobs.sendInTransaction(client, JobQueue.mail, data);
  }

  /** Counts an attempt at a message still to be sent and reads it; null when it was sent or given up on. */
  async startAttempt(id: string): Promise<OutboxMessage | null> {
    const { rows } = await this.sql.query<{ id: string; attempts: number; payload_encrypted: string }>(
      `UPDATE outbox_message SET attempts = attempts + 1 WHERE id = $1 AND status = 'pending' RETURNING id, attempts, payload_encrypted`,
      [id],
    );
    const row = rows[0];
    return row ? { id: row.id, attempts: row.attempts, payload: JSON.parse(outboxFields.payload.decrypt(this.ring, row.payload_encrypted)) as OutboxPayload } : null;
  }

  async markSent(id: string): Promise<void> {
    await this.sql.query(`UPDATE outbox_message SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
  }

  async recordFailure(id: string, error: string): Promise<void> {
    await this.sql.query('UPDATE outbox_message SET last_error = $2 WHERE id = $1', [id, error]);
  }

  /** Gives up on a message; `error` null keeps the reason of its last attempt. */
  async markDead(id: string, error: string | null): Promise<void> {
    await this.sql.query(`UPDATE outbox_message SET status = 'dead', last_error = COALESCE($2, last_error) WHERE id = $1 AND status = 'pending'`, [id, error]);
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const { rows } = await this.sql.query<{ id: string; kind: string; attempts: number; last_error: string | null; created_at: Date }>(
      `SELECT id, kind, attempts, last_error, created_at FROM outbox_message WHERE status = 'dead' ORDER BY id DESC LIMIT 500`,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      template: row.kind.replace(/^mail:/, ''),
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** Puts a dead message back in the queue with fresh attempts, in one transaction with its new job; false when it is not dead. */
  async replay(id: string): Promise<boolean> {
    return this.sql.transaction(async (client) => {
      const { rows } = await client.query<{ id: string; trace_parent: string | null }>(
        `UPDATE outbox_message SET status = 'pending', attempts = 0 WHERE id = $1 AND status = 'dead' RETURNING id, trace_parent`,
        [id],
      );
      const row = rows[0];
      if (!row) return false;
      await this.sendJob(client, { outboxId: String(row.id), traceParent: row.trace_parent });
      return true;
    });
  }

  async counts(): Promise<Record<'pending' | 'sent' | 'dead', number>> {
    const { rows } = await this.sql.query<{ status: 'pending' | 'sent' | 'dead'; count: string }>('SELECT status, count(*) FROM outbox_message GROUP BY status');
    const counts = { pending: 0, sent: 0, dead: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}

/** The tenant part of every mail, from the configuration. */
export function mailTenantOf(config: ApiConfig): MailTenant {
  const { branding, publicUrl, timeZone } = config;
  return {
    displayName: branding.displayName,
    publicUrl,
    timeZone,
    branding: {
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      ...(branding.logoUrl ? { logoUrl: branding.logoUrl } : {}),
    },
  };
}
