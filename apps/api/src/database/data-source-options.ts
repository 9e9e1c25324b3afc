import type { DataSourceOptions } from 'typeorm';
import type { ApiConfig } from '../config/api-config';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { StaffAccountEntity } from '../modules/auth/staff-account.entity';
import { StaffLinkTokenEntity } from '../modules/staff-accounts/staff-link-token.entity';
import { StaffSessionEntity } from '../modules/auth/staff-session.entity';
import { AppointmentEntity } from '../modules/booking/appointment.entity';
import { BookingEntity } from '../modules/booking/booking.entity';
import { LotEntity } from '../modules/catalogue/lot.entity';
import { SiteEntity } from '../modules/catalogue/site.entity';
import { VaccineProductEntity } from '../modules/catalogue/vaccine-product.entity';
import { OutboxMessageEntity } from '../modules/outbox/outbox-message.entity';
import { PersonNameTokenEntity } from '../modules/people/person-name-token.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { RegistrationEntity } from '../modules/registration/registration.entity';
import { PriorityReleaseEntity } from '../modules/priority/priority-release.entity';
import { PriorityRuleSetEntity } from '../modules/priority/priority-rule-set.entity';
import { StandbyAnnouncementEntity } from '../modules/standby/standby-announcement.entity';
import { StandbyMemberEntity } from '../modules/standby/standby-member.entity';
import { StandbyOfferEntity } from '../modules/standby/standby-offer.entity';
import { SlotEntity } from '../modules/vaccination-day/slot.entity';
import { VaccinationDayLotEntity } from '../modules/vaccination-day/vaccination-day-lot.entity';
import { VaccinationDayEntity } from '../modules/vaccination-day/vaccination-day.entity';
import { QuestionnaireEntity } from '../modules/questionnaire/questionnaire.entity';
import { PersonRevisionEntity } from '../modules/people/person-revision.entity';
import { AdverseReactionEntity } from '../modules/vaccination/adverse-reaction.entity';
import { LotWasteEntity } from '../modules/vaccination/lot-waste.entity';
import { VaccinationEntity } from '../modules/vaccination/vaccination.entity';
import { VisitEntity } from '../modules/visit/visit.entity';
import { CertificateEntity } from '../modules/certificate/certificate.entity';
import { CertificateLinkEntity } from '../modules/certificate/certificate-link.entity';
import { DataAccessLinkEntity } from '../modules/privacy/data-access-link.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  AppointmentEntity,
  AuditEventEntity,
  BookingEntity,
  LotEntity,
  OutboxMessageEntity,
  PersonEntity,
  PersonNameTokenEntity,
  RegistrationEntity,
  SiteEntity,
  SlotEntity,
  StaffAccountEntity,
  StaffSessionEntity,
  StaffLinkTokenEntity,
  VaccinationDayEntity,
  VaccinationDayLotEntity,
  VaccineProductEntity,
  QuestionnaireEntity,
  PersonRevisionEntity,
  VisitEntity,
  VaccinationEntity,
  AdverseReactionEntity,
  LotWasteEntity,
  CertificateEntity,
  CertificateLinkEntity,
  DataAccessLinkEntity,
  PriorityRuleSetEntity,
  PriorityReleaseEntity,
  StandbyAnnouncementEntity,
  StandbyMemberEntity,
  StandbyOfferEntity,
];

/** The tenant database; the schema is owned by migrations, never synchronized. */
export function dataSourceOptions(database: ApiConfig['database']): Extract<DataSourceOptions, { type: 'postgres' }> {
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
