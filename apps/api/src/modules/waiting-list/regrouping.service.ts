import { Inject, Injectable } from '@nestjs/common';
import { assignPriorityGroup, type PriorityRules } from '@vaccinate/priority-rules';
import { todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { WaitingListQueueRepository } from './waiting-list-queue.repository';

const BATCH = 500;

/** Puts every queued registration in the group the new rules give it; people already booked keep what they have. */
@Injectable()
export class RegroupingService {
  constructor(
    private readonly queue: WaitingListQueueRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async regroup(rules: PriorityRules): Promise<number> {
    const today = todayIn(this.config.timeZone);
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const batch = await this.queue.queuedForGrouping(after, BATCH);
      if (batch.length === 0) return count;
      await this.queue.setGroups(
        batch.map((person) => {
          const assignment = assignPriorityGroup(rules, person, today);
          return { id: person.id, rank: assignment?.rank ?? null };
        }),
      );
      count += batch.length;
      after = batch[batch.length - 1]?.id ?? after;
    }
  }
}
