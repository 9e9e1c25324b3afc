import { Controller, Get, Inject } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { FHIR_JSON, FhirBundle, FhirPatientSearch, IdParam } from '@vaccinate/api-contracts';
import { ContractParams, ContractQuery, FhirAnswer } from '../../common/contract/contract.decorators';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { RequireRole } from '../auth/access.decorators';
import { FhirRecordService } from './fhir-record.service';

/** Read-only FHIR R4 views of a person's immunization record, for staff (audited reads, like every read of a record). */
@ApiTags('fhir')
@Controller('fhir')
export class FhirController {
  constructor(
    private readonly records: FhirRecordService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('Patient/:id/$everything')
  @RequireRole('assistant')
  @FhirAnswer(200, FhirBundle, FHIR_JSON, 'A searchset Bundle: the Patient, the tenant as Organization, each valid dose and the next-dose recommendation')
  @ApiNotFoundResponse({ description: 'person.not_found' })
  everything(@ContractParams(IdParam) { id }: IdParam): Promise<FhirBundle> {
    return this.records.everything(id, this.url(`Patient/${id}/$everything`));
  }

  @Get('Immunization')
  @RequireRole('assistant')
  @FhirAnswer(200, FhirBundle, FHIR_JSON, "A searchset Bundle of the person's valid doses, with the Patient and Organization included")
  @ApiNotFoundResponse({ description: 'person.not_found' })
  immunizations(@ContractQuery(FhirPatientSearch) { patient }: FhirPatientSearch): Promise<FhirBundle> {
    const id = personIdOf(patient);
    return this.records.immunizationSearch(id, this.url(`Immunization?patient=${id}`));
  }

  @Get('ImmunizationRecommendation')
  @RequireRole('assistant')
  @FhirAnswer(200, FhirBundle, FHIR_JSON, 'A searchset Bundle with the next dose the dose schedule gives after the latest dose (empty before a first dose)')
  @ApiNotFoundResponse({ description: 'person.not_found' })
  recommendations(@ContractQuery(FhirPatientSearch) { patient }: FhirPatientSearch): Promise<FhirBundle> {
    const id = personIdOf(patient);
    return this.records.recommendationSearch(id, this.url(`ImmunizationRecommendation?patient=${id}`));
  }

  private url(path: string): string {
    return `${this.config.publicUrl}/api/fhir/${path}`;
  }
}

function personIdOf(patient: string): string {
  return patient.replace(/^Patient\//, '').toLowerCase();
}
