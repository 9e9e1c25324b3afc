import { Module } from '@nestjs/common';
import { PriorityOrderConversion } from './priority-order-conversion';
import { RetentionJob } from './retention.job';
import { RetentionRepository } from './retention.repository';

/** Data protection: retention, erasure, access and portability. */
@Module({
  providers: [PriorityOrderConversion, RetentionJob, RetentionRepository],
  exports: [RetentionJob],
})
export class PrivacyModule {}
