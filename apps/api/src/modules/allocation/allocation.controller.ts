import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AllocationDeadLetter, IdParam, QueuePage, QueueQuery } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractListAnswer, ContractParams, ContractQuery } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { AllocationStaffRepository } from './allocation-staff.repository';
import { WaitingListQueueService } from './waiting-list-queue.service';

@ApiTags('waiting-list')
@Controller('waiting-list')
export class AllocationController {
  constructor(
    private readonly staff: AllocationStaffRepository,
    private readonly queues: WaitingListQueueService,
  ) {}

  @Get('queue')
  @RequireRole('assistant')
  @ContractAnswer(200, QueuePage, 'Registrations in allocation order with their group and, when still queued after release, the reason')
  queue(@ContractQuery(QueueQuery) query: QueueQuery): Promise<QueuePage> {
    return this.queues.queue(query.status ?? 'queued', query.limit ?? 100, query.offset ?? 0);
  }

  @Get('dead-letters')
  @RequireRole('doctor')
  @ContractListAnswer(200, AllocationDeadLetter, 'Allocation jobs that kept failing: which registration and the kind of error')
  deadLetters(): Promise<AllocationDeadLetter[]> {
    return this.staff.deadLetters();
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(204)
  @RequireRole('doctor')
  @ApiNoContentResponse({ description: 'The registration is due again; the allocator picks it up' })
  async replay(@ContractParams(IdParam) { id }: IdParam): Promise<void> {
    if (!(await this.staff.replay(id))) {
      throw new AppException('allocation.not_dead', 404, 'No such dead letter', 'This job is not among the dead letters.');
    }
  }
}
