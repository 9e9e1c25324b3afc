import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_LOGGER } from './app-logger.token';
import { FIELD_CIPHER } from './common/field-cipher';
import { TimeZoneProvider } from './common/time-zone';
import { Sql } from './database/sql';
import { SharedCounterRepository } from './database/shared-counter.repository';
import { RateLimiter } from './common/rate-limit';
import type { ApiConfig } from './config/api-config';
import { API_CONFIG } from './config/api-config.token';
import { dataSourceOptions } from './database/data-source-options';
import { JobRunner } from './jobs/job-runner';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { StaffAccountsModule } from './modules/staff-accounts/staff-accounts.module';
import { BookingModule } from './modules/booking/booking.module';
import { CaptchaModule } from './modules/captcha/captcha.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { VaccinationDayModule } from './modules/vaccination-day/vaccination-day.module';
import { FhirModule } from './modules/fhir/fhir.module';
import { SchedulingLinksModule } from './modules/scheduling-links/scheduling-links.module';
import { HealthModule } from './modules/health/health.module';
import { OpenApiModule } from './modules/openapi/openapi.module';
import { PeopleModule } from './modules/people/people.module';
import { RecordEventsModule } from './modules/record-events/record-events.module';
import { QuestionnaireModule } from './modules/questionnaire/questionnaire.module';
import { RegistrationModule } from './modules/registration/registration.module';
import { VisitModule } from './modules/visit/visit.module';
import { CertificateModule } from './modules/certificate/certificate.module';
import { WaitingListModule } from './modules/waiting-list/waiting-list.module';
import { AllocationModule } from './modules/allocation/allocation.module';
import { StandbyModule } from './modules/standby/standby.module';
import { PrivacyModule } from './modules/privacy/privacy.module';

/** Configuration, keys and logger of the one tenant this process serves, visible to every module. */
@Global()
@Module({})
class TenantRuntimeModule {
  static forConfig(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: TenantRuntimeModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: FIELD_CIPHER, useValue: config.fieldKeys },
        { provide: APP_LOGGER, useValue: logger },
        Sql,
        SharedCounterRepository,
        RateLimiter,
        TimeZoneProvider,
        JobRunner,
      ],
      exports: [API_CONFIG, FIELD_CIPHER, APP_LOGGER, Sql, SharedCounterRepository, RateLimiter, TimeZoneProvider, JobRunner],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TenantRuntimeModule.forConfig(config, logger),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1_000 }),
        AuditModule,
        AuthModule,
        StaffAccountsModule,
        BookingModule,
        CaptchaModule,
        CatalogueModule,
        HealthModule,
        OpenApiModule,
        OutboxModule,
        PeopleModule,
        QuestionnaireModule,
        RecordEventsModule,
        VisitModule,
        RegistrationModule,
        VaccinationDayModule,
        CertificateModule,
        WaitingListModule,
        AllocationModule,
        StandbyModule,
        FhirModule,
        SchedulingLinksModule,
        PrivacyModule,
      ],
    };
  }
}
