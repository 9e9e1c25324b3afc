import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { OutboxRepository, type DeadLetter } from './outbox.repository';

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxRepository) {}

  @Get('status')
  @RequireRole('admin')
  @ApiOkResponse({ description: 'Messages pending, sent and dead' })
  status(): Promise<Record<string, number>> {
    return this.outbox.counts();
  }

  @Get('dead-letters')
  @RequireRole('admin')
  @ApiOkResponse({ description: 'Messages that could not be delivered; no content, only what and why' })
  deadLetters(): Promise<DeadLetter[]> {
    return this.outbox.deadLetters();
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiNoContentResponse({ description: 'Queued again' })
  async replay(@Param('id') id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id) || !(await this.outbox.replay(id))) {
      throw new AppException('outbox.not_dead', 404, 'No such dead letter', 'This message is not among the dead letters.');
    }
  }
}
