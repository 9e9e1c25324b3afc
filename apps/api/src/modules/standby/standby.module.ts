import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AllocationModule } from '../allocation/allocation.module';
import { AuditModule } from '../audit/audit.module';
import { BookingModule } from '../booking/booking.module';
import { CaptchaModule } from '../captcha/captcha.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleModule } from '../people/people.module';
import { PriorityModule } from '../priority/priority.module';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { APP_LOGGER } from '../../app-logger.token';
import { SmsCallbackController } from './sms/sms-callback.controller';
import { LogSmsSender, SMS_SENDER, type SmsSender } from './sms/sms-sender';
import { TwilioSmsSender } from './sms/twilio-sms-sender';
import { VonageSmsSender } from './sms/vonage-sms-sender';
import { VisitModule } from '../visit/visit.module';
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
  controllers: [SmsCallbackController, StandbyController],
  providers: [
    {
      provide: SMS_SENDER,
      inject: [API_CONFIG, APP_LOGGER],
      useFactory: (config: ApiConfig, logger: Logger): SmsSender => {
        const sms = config.sms;
        if (sms.provider === 'twilio') return new TwilioSmsSender(sms, config.publicUrl);
        if (sms.provider === 'vonage') return new VonageSmsSender(sms, config.publicUrl);
        return new LogSmsSender(logger);
      },
    },
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
