import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PeopleModule } from '../people/people.module';
import { VisitModule } from '../visit/visit.module';
import { FhirController } from './fhir.controller';
import { FhirRecordService } from './fhir-record.service';

@Module({
  imports: [AuditModule, CatalogueModule, PeopleModule, VisitModule],
  controllers: [FhirController],
  providers: [FhirRecordService],
})
export class FhirModule {}
