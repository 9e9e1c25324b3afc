import { Inject, Injectable } from '@nestjs/common';
import type { FhirBundle, Person, Vaccination, VaccineProduct } from '@vaccinate/api-contracts';
import {
  immunizationRecommendation,
  immunizationResource,
  nameBasedUuid,
  organizationResource,
  patientResource,
  searchsetBundle,
  type Immunization,
  type ImmunizationRecommendation,
  type Resource,
} from '@vaccinate/fhir';
import { randomUUID } from 'node:crypto';
import { dateIn, todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PersonException, PersonExceptionCode } from '../people/person.exception';
import { PersonRepository } from '../people/person.repository';
import { VaccinationRepository } from '../vaccination/vaccination.repository';

const SUBJECT = 'person';

interface PersonRecord {
  person: Person;
  vaccinations: Vaccination[];
  products: Map<string, VaccineProduct>;
}

/**
 * A person's immunization record as FHIR R4 for staff: resource ids are the record ids, so a
 * client that reads twice sees the same resources. Every read writes an audit event.
 */
@Injectable()
export class FhirRecordService {
  constructor(
    private readonly people: PersonRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** `Patient/<id>/$everything`: the Patient, the tenant as Organization, each valid dose and the next-dose recommendation. */
  async everything(personId: string, selfUrl: string): Promise<FhirBundle> {
    const record = await this.read(personId, 'export');
    const immunizations = this.immunizations(record);
    const recommendation = this.recommendation(record);
    const matches: Resource[] = [patientResource(personId, record.person), this.organization(), ...immunizations, ...(recommendation ? [recommendation] : [])];
    return this.searchset(matches, [], selfUrl);
  }

  /** `Immunization?patient=<id>`: the valid doses, the Patient and Organization they reference included. */
  async immunizationSearch(personId: string, selfUrl: string): Promise<FhirBundle> {
    const record = await this.read(personId, 'read');
    return this.searchset(this.immunizations(record), [patientResource(personId, record.person), this.organization()], selfUrl);
  }

  /** `ImmunizationRecommendation?patient=<id>`: the next dose the schedule of the latest product gives, if any dose was given. */
  async recommendationSearch(personId: string, selfUrl: string): Promise<FhirBundle> {
    const record = await this.read(personId, 'read');
    const recommendation = this.recommendation(record);
    return this.searchset(recommendation ? [recommendation] : [], recommendation ? [patientResource(personId, record.person)] : [], selfUrl);
  }

  private async read(personId: string, action: 'read' | 'export'): Promise<PersonRecord> {
    const person = await this.people.findById(personId);
    if (!person) throw new PersonException(PersonExceptionCode.NotFound);
    const vaccinations = (await this.vaccinations.forPerson(personId)).filter((vaccination) => vaccination.status === 'valid');
    const products = new Map<string, VaccineProduct>();
    for (const productId of new Set(vaccinations.map((vaccination) => vaccination.productId))) products.set(productId, await this.catalogue.product(productId));
    await this.audit.record(this.sql, SUBJECT, action, [personId]);
    return { person, vaccinations, products };
  }

  private organization() {
    return organizationResource(this.organizationId(), this.config.branding.displayName);
  }

  private organizationId(): string {
    return nameBasedUuid(this.config.publicUrl, 'Organization');
  }

  private immunizations({ person, vaccinations, products }: PersonRecord): Immunization[] {
    const performer = { id: this.organizationId(), name: this.config.branding.displayName };
    return [...vaccinations].reverse().map((vaccination) =>
      immunizationResource(
        {
          id: vaccination.id,
          productName: vaccination.productName,
          euProductCode: products.get(vaccination.productId)?.euProductCode,
          occurrence: new Date(vaccination.administeredAt).toISOString(),
          lotNumber: vaccination.lotNumber,
          doseNumber: vaccination.doseNumber,
          seriesDoses: vaccination.seriesDoses,
        },
        person.id,
        performer,
      ),
    );
  }

  private recommendation({ person, vaccinations, products }: PersonRecord): ImmunizationRecommendation | null {
    // forPerson lists the latest dose first.
    const latest = vaccinations[0];
    const product = latest && products.get(latest.productId);
    if (!latest || !product) return null;
    const now = new Date();
    return immunizationRecommendation({
      id: nameBasedUuid(latest.id, 'ImmunizationRecommendation'),
      patientId: person.id,
      product: { ...product, productName: product.name },
      lastDose: {
        immunizationId: latest.id,
        doseNumber: latest.doseNumber,
        seriesDoses: latest.seriesDoses,
        date: dateIn(this.config.timeZone, new Date(latest.administeredAt)),
      },
      today: todayIn(this.config.timeZone, now),
      madeAt: now.toISOString(),
    });
  }

  private searchset(matches: Resource[], included: Resource[], selfUrl: string): FhirBundle {
    return searchsetBundle(matches, included, { id: randomUUID(), timestamp: new Date().toISOString(), selfUrl });
  }
}
