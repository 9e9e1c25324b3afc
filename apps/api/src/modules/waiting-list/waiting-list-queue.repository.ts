import { Inject, Injectable } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { AnswerValue } from '@vaccinate/priority-rules';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { registrationFields } from '../../database/encrypted-fields';
import { Sql } from '../../database/sql';
import { PriorityOrder } from '../../database/priority-order';

export interface GroupingInput {
  id: string;
  birthDate: string;
  occupations: string[];
  answers: Record<string, AnswerValue>;
}

/** The registration table seen from the queue: grouping, release and what staff see of it. */
@Injectable()
export class WaitingListQueueRepository {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  /** Queued registrations after `afterId`, decrypted only as far as the priority rules need. */
  async queuedForGrouping(afterId: string, limit: number): Promise<GroupingInput[]> {
    const { rows } = await this.sql.query<{ id: string; birth_date_encrypted: string; profile_encrypted: string }>(
      `SELECT id, birth_date_encrypted, profile_encrypted FROM registration
        WHERE status = 'queued' AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => {
      const profile = JSON.parse(registrationFields.profile.decrypt(this.ring, row.profile_encrypted)) as { occupations: string[]; answers: Record<string, AnswerValue> };
      return {
        id: row.id,
        birthDate: registrationFields.birthDate.decrypt(this.ring, row.birth_date_encrypted),
        occupations: profile.occupations,
        answers: profile.answers,
      };
    });
  }

  async setGroups(groups: { id: string; rank: number | null }[]): Promise<void> {
    if (groups.length === 0) return;
    await this.sql.query(
      `UPDATE registration r SET priority_order = g.priority_order
         FROM unnest($1::uuid[], $2::int[]) AS g(id, priority_order)
        WHERE r.id = g.id AND r.status = 'queued'`,
      [groups.map((g) => g.id), groups.map((g) => PriorityOrder.of(this.ring).toOrder(g.rank))],
    );
  }
}
