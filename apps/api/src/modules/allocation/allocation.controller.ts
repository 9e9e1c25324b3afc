import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/id-param.pipe';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { AllocationStaffRepository, type AllocationDeadLetter } from './allocation-staff.repository';
import { QueueQueryDto } from './dto/queue-query.dto';
import { WaitingListQueueService, type QueueEntryView } from './waiting-list-queue.service';

@ApiTags('waiting-list')
@Controller('waiting-list')
export class AllocationController {
  constructor(
    private readonly staff: AllocationStaffRepository,
    private readonly queues: WaitingListQueueService,
  ) {}

  @Get('queue')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Registrations in allocation order with their group and, when still queued after release, the reason' })
  queue(@Query() query: QueueQueryDto): Promise<{ total: number; items: QueueEntryView[] }> {
    return this.queues.queue(query.status ?? 'queued', query.limit ?? 100, query.offset ?? 0);
  }

  @Get('dead-letters')
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Allocation jobs that kept failing: which registration and the kind of error' })
  deadLetters(): Promise<AllocationDeadLetter[]> {
    return this.staff.deadLetters();
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(204)
  @RequireRole('doctor')
  @ApiNoContentResponse({ description: 'The registration is due again; the allocator picks it up' })
  async replay(@Param('id', uuidParam()) id: string): Promise<void> {
    if (!(await this.staff.replay(id))) {
      throw new AppException('allocation.not_dead', 404, 'No such dead letter', 'This job is not among the dead letters.');
    }
  }
}
