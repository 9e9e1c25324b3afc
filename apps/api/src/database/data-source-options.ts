import type { DataSourceOptions } from 'typeorm';
import type { ApiConfig } from '../config/api-config';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { StaffAccountEntity } from '../modules/auth/staff-account.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [AuditEventEntity, PersonEntity, StaffAccountEntity];

/** The tenant database; the schema is owned by migrations, never synchronized. */
export function dataSourceOptions(database: ApiConfig['database']): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    extra: { max: database.poolMax, application_name: 'vaccinate-api' },
    ssl: database.ssl === 'disable' ? false : { rejectUnauthorized: database.ssl === 'verify-full' },
  };
}
