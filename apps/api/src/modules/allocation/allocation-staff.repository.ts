import type { AllocationDeadLetter } from '@vaccinate/api-contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';
import type { RegistrationStatus } from '../registration/registration.entity';
import { ALLOCATION_DEAD_LETTERS, JOB_SCHEMA } from './allocation-queue';
import { PriorityOrder } from '../../database/priority-order';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { FIELD_CIPHER } from '../../common/field-cipher';

export interface QueueEntry {
  registrationId: string;
  rank: number | null;
  status: RegistrationStatus;
  reason: string | null;
  preferredSiteIds: string[];
  registeredAt: string;
}

export type { AllocationDeadLetter };

/** What staff see of the queue and the allocator's dead letters: identifiers, groups and reasons, no personal data. */
@Injectable()
export class AllocationStaffRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async queue(status: RegistrationStatus, limit: number, offset: number): Promise<{ total: number; items: QueueEntry[] }> {
    const { rows } = await this.sql.query<{
      id: string;
      priority_order: number | null;
      status: RegistrationStatus;
      queue_reason: string | null;
      preferred_site_ids: string[];
      created_at: Date;
      total: string;
    }>(
      `SELECT id, priority_order, status, queue_reason, preferred_site_ids, created_at, count(*) OVER () AS total
         FROM registration WHERE status = $1
        ORDER BY priority_order NULLS LAST, created_at, id LIMIT $2 OFFSET $3`,
      [status, limit, offset],
    );
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((row) => ({
        registrationId: row.id,
        rank: PriorityOrder.of(this.ring).toRank(row.priority_order),
        status: row.status,
        reason: row.queue_reason,
        preferredSiteIds: row.preferred_site_ids,
        registeredAt: row.created_at.toISOString(),
      })),
    };
  }

  async deadLetters(): Promise<AllocationDeadLetter[]> {
    if (!(await this.queueTablesExist())) return [];
    const { rows } = await this.sql.query<{ id: string; registration_id: string; reason: string | null; created_on: Date }>(
      `SELECT id, data->>'registrationId' AS registration_id, output->>'reason' AS reason, created_on
         FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'created' ORDER BY created_on DESC, id LIMIT 500`,
      [ALLOCATION_DEAD_LETTERS],
    );
    return rows.map((row) => ({ id: row.id, registrationId: row.registration_id, reason: row.reason, failedAt: row.created_on.toISOString() }));
  }

  /**
   * Removes the dead letter and makes its registration due again, in one transaction: the feeder
   * sends it to the queue anew with fresh retries. False when there is no such dead letter.
   */
  async replay(id: string): Promise<boolean> {
    if (!(await this.queueTablesExist())) return false;
    return this.sql.transaction(async (client) => {
      const { rows } = await client.query<{ registration_id: string }>(
        `DELETE FROM ${JOB_SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'created' RETURNING data->>'registrationId' AS registration_id`,
        [ALLOCATION_DEAD_LETTERS, id],
      );
      const registrationId = rows[0]?.registration_id;
      if (!registrationId) return false;
      await client.query(`UPDATE registration SET allocation_due_at = NULL, queue_reason = NULL WHERE id = $1 AND status = 'queued'`, [registrationId]);
      return true;
    });
  }

  private async queueTablesExist(): Promise<boolean> {
    const { rows } = await this.sql.query<{ present: boolean }>(`SELECT to_regclass('${JOB_SCHEMA}.job') IS NOT NULL AS present`);
    return rows[0]?.present ?? false;
  }
}
