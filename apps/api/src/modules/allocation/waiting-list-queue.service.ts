import { Injectable } from '@nestjs/common';
import type { PriorityGroupName } from '@vaccinate/priority-rules';
import { PriorityRulesService } from '../priority/priority-rules.service';
import type { RegistrationStatus } from '../registration/registration.entity';
import { AllocationStaffRepository, type QueueEntry } from './allocation-staff.repository';

export type QueueEntryView = QueueEntry & { group: PriorityGroupName | null };

/** The queue as staff see it: each entry with the name of its group under the rules in force. */
@Injectable()
export class WaitingListQueueService {
  constructor(
    private readonly staff: AllocationStaffRepository,
    private readonly priorities: PriorityRulesService,
  ) {}

  async queue(status: RegistrationStatus, limit: number, offset: number): Promise<{ total: number; items: QueueEntryView[] }> {
    const [{ rules }, page] = await Promise.all([this.priorities.inForce(), this.staff.queue(status, limit, offset)]);
    const names = new Map(rules.groups.map((group) => [group.rank, group.name]));
    return { total: page.total, items: page.items.map((item) => ({ ...item, group: item.rank === null ? null : (names.get(item.rank) ?? null) })) };
  }
}
