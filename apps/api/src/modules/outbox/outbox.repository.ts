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
import { activeTraceParent } from '../../tracing/active-trace';

/** A mail as the mailer function takes it, without the tenant part (added when it is sent). */
export type OutboxPayload = QueuedMail;

export interface OutboxMessage {
  id: string;
  attempts: number;
  payload: OutboxPayload;
  /** The trace of the request that queued it, if that request was traced. */
  traceParent: string | null;
}

const CLAIM_SECONDS = 60;

/** The outbox table: written in the caller's transaction, drained by the worker. */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Writes a mail in the caller's transaction, checked first against the mailer's own contract: a
   * mail the mailer would refuse fails the request that made it (and rolls it back), instead of
   * ending in the dead letters. The problems name fields only, never their values.
   */
  async enqueue(client: PoolClient, payload: OutboxPayload): Promise<void> {
    const checked = validateSendMailRequest({ ...payload, tenant: mailTenantOf(this.config) });
    if (!checked.ok) {
      throw new AppException('mail.invalid', 422, 'The mail for this change cannot be sent', 'Check the listed details and try again.', checked.errors.map(({ field, message }) => ({ field: `mail.${field}`, message })));
    }
    // No NOTIFY here: it would serialize the commits of every booking; the worker polls every second.
    await client.query('INSERT INTO outbox_message (kind, payload_encrypted, trace_parent) VALUES ($1, $2, $3)', [
      `mail:${payload.template}`,
      outboxFields.payload.encrypt(this.ring, JSON.stringify(payload)),
      activeTraceParent(),
    ]);
  }

  /**
   * Claims due messages by pushing their next attempt a minute ahead and commits at once, so no
   * lock is held while the mailer is called; a crashed worker's claims simply fall due again.
   */
  async claimDue(limit: number): Promise<OutboxMessage[]> {
    const { rows } = await this.sql.query<{ id: string; attempts: number; payload_encrypted: string; trace_parent: string | null }>(
      `UPDATE outbox_message SET next_attempt_at = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox_message WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, attempts, payload_encrypted, trace_parent`,
      [limit, CLAIM_SECONDS],
    );
    return rows.map((row) => ({
      id: row.id,
      attempts: row.attempts,
      payload: JSON.parse(outboxFields.payload.decrypt(this.ring, row.payload_encrypted)) as OutboxPayload,
      traceParent: row.trace_parent,
    }));
  }

  async markSent(id: string): Promise<void> {
    await this.sql.query(`UPDATE outbox_message SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
  }

  async scheduleRetry(id: string, delaySeconds: number, error: string): Promise<void> {
    await this.sql.query('UPDATE outbox_message SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1', [
      id,
      delaySeconds,
      error,
    ]);
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.sql.query(`UPDATE outbox_message SET status = 'dead', last_error = $2 WHERE id = $1`, [id, error]);
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

  /** Puts a dead message back in the queue with fresh attempts; false when it is not dead. */
  async replay(id: string): Promise<boolean> {
    const result = await this.sql.query(
      `UPDATE outbox_message SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND status = 'dead'`,
      [id],
    );
    return result.rowCount === 1;
  }

  async counts(): Promise<Record<'pending' | 'sent' | 'dead', number>> {
    const { rows } = await this.sql.query<{ status: 'pending' | 'sent' | 'dead'; count: string }>(
      'SELECT status, count(*) FROM outbox_message GROUP BY status',
    );
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
