import { Module } from '@nestjs/common';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

@Module({
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxWorker],
  exports: [OutboxRepository, OutboxWorker],
})
export class OutboxModule {}
