import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaptchaModule } from '../captcha/captcha.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DataAccessController } from './data-access.controller';
import { DataAccessLinkRepository } from './data-access-link.repository';
import { DataAccessRequestService } from './data-access-request.service';
import { PersonErasureRepository } from './person-erasure.repository';
import { PersonErasureService } from './person-erasure.service';
import { PersonExportRepository } from './person-export.repository';
import { PersonExportService } from './person-export.service';
import { PriorityOrderConversion } from './priority-order-conversion';
import { PrivacyController } from './privacy.controller';
import { RetentionJob } from './retention.job';
import { RetentionRepository } from './retention.repository';

/** Data protection: retention, erasure, access and portability. */
@Module({
  imports: [AuditModule, CaptchaModule, OutboxModule],
  controllers: [PrivacyController, DataAccessController],
  providers: [
    DataAccessLinkRepository,
    DataAccessRequestService,
    PersonErasureRepository,
    PersonErasureService,
    PersonExportRepository,
    PersonExportService,
    PriorityOrderConversion,
    RetentionJob,
    RetentionRepository,
  ],
  exports: [RetentionJob],
})
export class PrivacyModule {}
