import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { FIELD_CIPHER } from './common/field-cipher';
import type { ApiConfig } from './config/api-config';
import { API_CONFIG } from './config/api-config.token';
import { dataSourceOptions } from './database/data-source-options';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { OpenApiModule } from './modules/openapi/openapi.module';
import { PeopleModule } from './modules/people/people.module';

export const APP_LOGGER = Symbol('APP_LOGGER');

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
      ],
      exports: [API_CONFIG, FIELD_CIPHER, APP_LOGGER],
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
        HealthModule,
        OpenApiModule,
        PeopleModule,
      ],
    };
  }
}
