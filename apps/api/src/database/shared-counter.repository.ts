import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/api-config.token';
import { Sql } from './sql';

interface Hit {
  key: string;
  hits: number;
  expiresAt: Date;
  resolve: (position: number) => void;
  reject: (error: unknown) => void;
}

/** Postgres takes at most 65,535 parameters per statement; two arrays are two parameters, so this only bounds memory. */
const MAX_BATCH = 2_000;
/** Expired counters are deleted by the statement that runs after this pause, not by a timer. */
const PURGE_EVERY_MS = 60_000;

/**
 * Counters in the tenant's database (the unlogged `shared_counter` table), so every API replica
 * sees the same count: rate-limit windows and once-only captcha challenges. Hits that arrive in the
 * same turn of the event loop are written by one statement, as the registration group commit does,
 * and each caller learns the position of its own hit within its key.
 */
@Injectable()
export class SharedCounterRepository {
  private waiting: Hit[] = [];
  private scheduled = false;
  private purgedAt = Date.now();
  private readonly pseudonymKey: Buffer;

  constructor(
    private readonly sql: Sql,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    // Derived from the tenant's current staff-token key: no extra secret to provision, different per tenant.
    // Rotating that key restarts the counters' windows (minutes to hours), which rotation may well do.
    const der = config.accessTokenKeys.current.privateKey.export({ format: 'der', type: 'pkcs8' });
    this.pseudonymKey = Buffer.from(hkdfSync('sha256', der, Buffer.alloc(0), 'vaccinate/shared-counter-key', 32));
  }

  /** What a key stores instead of a client address or an e-mail: a keyed hash, useless without the tenant key. */
  pseudonym(value: string): string {
    return createHmac('sha256', this.pseudonymKey).update(value).digest('base64url').slice(0, 22);
  }

  /** Counts `hits` on `key` (kept until `expiresAt`); resolves with the position of the last: 1 for the first hit ever. */
  hit(key: string, expiresAt: Date, hits = 1): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, hits, expiresAt, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** The hits counted on `key` so far (0 when none or expired). */
  async count(key: string): Promise<number> {
    const { rows } = await this.sql.query<{ hits: number }>('SELECT hits FROM shared_counter WHERE key = $1 AND expires_at > now()', [key]);
    return rows[0]?.hits ?? 0;
  }

  async reset(key: string): Promise<void> {
    await this.sql.query('DELETE FROM shared_counter WHERE key = $1', [key]);
  }

  private flush(): void {
    this.scheduled = false;
    while (this.waiting.length > 0) void this.write(this.waiting.splice(0, MAX_BATCH));
  }

  private async write(batch: Hit[]): Promise<void> {
    const purge = Date.now() - this.purgedAt > PURGE_EVERY_MS;
    if (purge) this.purgedAt = Date.now();
    try {
      const totals = await this.add(batch, purge);
      // Within a key, the batch's hits take the positions just below the new total, in arrival order.
      const added = new Map<string, number>();
      for (const hit of batch) added.set(hit.key, (added.get(hit.key) ?? 0) + hit.hits);
      const before = new Map<string, number>();
      for (const hit of batch) {
        const position = (before.get(hit.key) ?? (totals.get(hit.key) ?? 0) - (added.get(hit.key) ?? 0)) + hit.hits;
        before.set(hit.key, position);
        hit.resolve(position);
      }
    } catch (error) {
      for (const hit of batch) hit.reject(error);
    }
  }

  /**
   * One statement: adds each key's hits (a counter past its expiry starts again) and returns the
   * new totals. Keys are written in sorted order, so two batches never wait on each other in a
   * circle. Now and then the same statement deletes expired counters it does not touch.
   */
  private async add(batch: Hit[], purge: boolean): Promise<Map<string, number>> {
    const { rows } = await this.sql.query<{ key: string; hits: number }>(
      `WITH hit AS (
         SELECT key, sum(hits)::int AS hits, max(expires_at) AS expires_at
           FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS h(key, hits, expires_at)
          GROUP BY key
       ), purged AS (
         DELETE FROM shared_counter c
          WHERE $4::boolean AND c.expires_at < now() AND NOT EXISTS (SELECT 1 FROM hit WHERE hit.key = c.key)
       )
       INSERT INTO shared_counter AS c (key, hits, expires_at)
       SELECT key, hits, expires_at FROM hit ORDER BY key
       ON CONFLICT (key) DO UPDATE
         SET hits = CASE WHEN c.expires_at <= now() THEN excluded.hits ELSE c.hits + excluded.hits END,
             expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at ELSE greatest(c.expires_at, excluded.expires_at) END
       RETURNING key, hits`,
      [batch.map((hit) => hit.key), batch.map((hit) => hit.hits), batch.map((hit) => hit.expiresAt), purge],
    );
    return new Map(rows.map((row) => [row.key, row.hits]));
  }
}
