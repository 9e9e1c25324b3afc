import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PriorityModule } from '../priority/priority.module';
import { RegistrationGroupCommit } from './registration-group-commit';
import { RegistrationController } from './registration.controller';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';

@Module({
  imports: [CaptchaModule, CatalogueModule, OutboxModule, PriorityModule],
  controllers: [RegistrationController],
  providers: [RegistrationGroupCommit, RegistrationRepository, RegistrationService],
  exports: [RegistrationRepository],
})
export class RegistrationModule {}
