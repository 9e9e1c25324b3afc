import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaptchaModule } from '../captcha/captcha.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PriorityModule } from '../priority/priority.module';
import { LogSmsSender, SMS_SENDER } from './sms-sender';
import { SpareDoseProposalRepository } from './spare-dose-proposal.repository';
import { StandbyDispatchService } from './standby-dispatch.service';
import { StandbyMemberRepository } from './standby-member.repository';
import { StandbyOfferRepository } from './standby-offer.repository';
import { StandbyRecordListener } from './standby-record.listener';
import { StandbyController } from './standby.controller';
import { StandbyService } from './standby.service';
import { StandbyWorker } from './standby.worker';

@Module({
  imports: [AuditModule, CaptchaModule, CatalogueModule, OutboxModule, PriorityModule],
  controllers: [StandbyController],
  providers: [
    { provide: SMS_SENDER, useClass: LogSmsSender },
    SpareDoseProposalRepository,
    StandbyDispatchService,
    StandbyMemberRepository,
    StandbyOfferRepository,
    StandbyRecordListener,
    StandbyService,
    StandbyWorker,
  ],
})
export class StandbyModule {}
