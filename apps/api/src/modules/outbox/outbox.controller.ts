import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { DeadLetter, OutboxMessageParam, OutboxStatus } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractListAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { OutboxRepository } from './outbox.repository';

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxRepository) {}

  @Get('status')
  @RequireRole('admin')
  @ContractAnswer(200, OutboxStatus, 'Messages pending, sent and dead')
  status(): Promise<OutboxStatus> {
    return this.outbox.counts();
  }

  @Get('dead-letters')
  @RequireRole('admin')
  @ContractListAnswer(200, DeadLetter, 'Messages that could not be delivered; no content, only what and why')
  deadLetters(): Promise<DeadLetter[]> {
    return this.outbox.deadLetters();
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiNoContentResponse({ description: 'Queued again' })
  async replay(@ContractParams(OutboxMessageParam) { id }: OutboxMessageParam): Promise<void> {
    if (!(await this.outbox.replay(id))) {
      throw new AppException('outbox.not_dead', 404, 'No such dead letter', 'This message is not among the dead letters.');
    }
  }
}
