import { Module } from '@nestjs/common';
import { AllocationModule } from '../allocation/allocation.module';
import { AuditModule } from '../audit/audit.module';
import { BookingModule } from '../booking/booking.module';
import { CaptchaModule } from '../captcha/captcha.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleModule } from '../people/people.module';
import { PriorityModule } from '../priority/priority.module';
import { VisitModule } from '../visit/visit.module';
import { LogSmsSender, SMS_SENDER } from './sms-sender';
import { SpareDoseBookingService } from './spare-dose-booking.service';
import { SpareDoseProposalRepository } from './spare-dose-proposal.repository';
import { StandbyDispatchService } from './standby-dispatch.service';
import { StandbyMemberRepository } from './standby-member.repository';
import { StandbyOfferRepository } from './standby-offer.repository';
import { StandbyRecordListener } from './standby-record.listener';
import { StandbyController } from './standby.controller';
import { StandbyService } from './standby.service';
import { StandbyWorker } from './standby.worker';

@Module({
  imports: [AllocationModule, AuditModule, BookingModule, CaptchaModule, CatalogueModule, OutboxModule, PeopleModule, PriorityModule, VisitModule],
  controllers: [StandbyController],
  providers: [
    { provide: SMS_SENDER, useClass: LogSmsSender },
    SpareDoseBookingService,
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
