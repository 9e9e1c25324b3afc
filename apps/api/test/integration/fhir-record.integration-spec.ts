import type { FhirBundle, ProblemDetails } from '@vaccinate/api-contracts';
import type { Immunization, ImmunizationRecommendation } from '@vaccinate/fhir';
import { r4SchemaErrors } from '@vaccinate/fhir/r4-schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, type Catalogue } from '../support/booking-fixture';
import { HOLDER, createHolder, documentVaccination } from '../support/certificate-fixture';
import { tenantSql } from '../support/day-run-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const CVX = 'http://hl7.org/fhir/sid/cvx';
const EU_REGISTER = 'https://ec.europa.eu/health/documents/community-register/html/';

describe('FHIR R4 reads of a person record', () => {
  let acme: RunningApi;
  let globex: RunningApi;
  let assistant: string;
  let catalogue: Catalogue;
  let personId: string;
  let firstDose: string;
  let secondDose: string;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [acme, globex] = await Promise.all([
      provisionTestTenant(adminUrl, 'fhir-a').then((t) => startTestApi(t)),
      provisionTestTenant(adminUrl, 'fhir-b').then((t) => startTestApi(t)),
    ]);
    const doctor = await staffToken(acme, ['doctor']);
    assistant = await staffToken(acme, ['assistant']);
    catalogue = await createCatalogue(acme, doctor);
    personId = (await createHolder(acme, doctor)).id;
    firstDose = await documentVaccination(acme, catalogue, { personId, doseNumber: 1, administeredAt: '2021-05-03T08:15:00Z' });
    // A corrected dose: only the record that replaced it is valid.
    const wrong = await documentVaccination(acme, catalogue, { personId, doseNumber: 2, administeredAt: '2021-06-01T09:00:00Z' });
    secondDose = await documentVaccination(acme, catalogue, { personId, doseNumber: 2, administeredAt: '2021-06-02T09:00:00Z', supersedesId: wrong });
  });
  afterAll(async () => {
    await acme?.close();
    await globex?.close();
  });

  async function bundle(path: string, token = assistant): Promise<FhirBundle> {
    const answer = await acme.request(path, { token });
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    const body = (await answer.json()) as FhirBundle;
    expect(r4SchemaErrors(body)).toEqual([]);
    return body;
  }

  const resourcesOf = <T>(found: FhirBundle, type: string) => found.entry.map((entry) => entry.resource).filter((resource) => resource.resourceType === type) as T[];

  async function auditActions(): Promise<string[]> {
    const rows = await tenantSql<{ action: string }>(acme, 'SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id', [personId]);
    return rows.map((row) => row.action);
  }

  it('Patient/$everything: the Patient, the tenant, each valid dose and the next dose, as a valid R4 searchset, audited', async () => {
    const before = (await auditActions()).length;
    const everything = await bundle(`/api/fhir/Patient/${personId}/$everything`);
    expect(everything.type).toBe('searchset');
    expect(everything.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Patient',
      'Organization',
      'Immunization',
      'Immunization',
      'ImmunizationRecommendation',
    ]);
    expect(everything.entry[0]!.resource).toMatchObject({ id: personId, name: [{ family: HOLDER.familyName, given: ['Zoë', 'Amélie'] }], birthDate: HOLDER.birthDate });
    const fullUrls = new Set(everything.entry.map((entry) => entry.fullUrl));
    const immunizations = resourcesOf<Immunization>(everything, 'Immunization');
    expect(immunizations.map((immunization) => immunization.id)).toEqual([firstDose, secondDose]);
    for (const immunization of immunizations) {
      expect(fullUrls.has(immunization.patient.reference!)).toBe(true);
      expect(fullUrls.has(immunization.performer[0]!.actor.reference!)).toBe(true);
    }
    expect(immunizations[0]).toMatchObject({
      vaccineCode: {
        coding: [
          { system: CVX, code: '208' },
          { system: EU_REGISTER, code: 'EU/1/20/1528' },
        ],
      },
      lotNumber: catalogue.comirnatyLot.lotNumber,
      occurrenceDateTime: '2021-05-03T08:15:00.000Z',
      protocolApplied: [{ doseNumberPositiveInt: 1, seriesDosesPositiveInt: 2 }],
    });
    // After dose 2 of 2 the schedule gives a booster 90 days on.
    const [recommendation] = resourcesOf<ImmunizationRecommendation>(everything, 'ImmunizationRecommendation');
    expect(recommendation!.recommendation[0]).toMatchObject({
      doseNumberPositiveInt: 3,
      dateCriterion: [{ value: '2021-08-31' }, { value: '2021-08-31' }, { value: '2022-08-31' }],
      supportingImmunization: [{ reference: `urn:uuid:${secondDose}` }],
    });
    expect((await auditActions()).slice(before)).toEqual(['person.export']);
  });

  it('Immunization?patient= answers the valid doses as matches, with the Patient and Organization included, audited', async () => {
    const before = (await auditActions()).length;
    const found = await bundle(`/api/fhir/Immunization?patient=Patient/${personId}`);
    expect(found.total).toBe(2);
    expect(found.entry.map((entry) => [entry.resource.resourceType, entry.search?.mode])).toEqual([
      ['Immunization', 'match'],
      ['Immunization', 'match'],
      ['Patient', 'include'],
      ['Organization', 'include'],
    ]);
    expect((await bundle(`/api/fhir/Immunization?patient=${personId}`)).total).toBe(2);
    expect((await auditActions()).slice(before)).toEqual(['person.read', 'person.read']);
  });

  it('ImmunizationRecommendation?patient= is empty before a first dose and gives dose 2 after dose 1', async () => {
    const doctor = await staffToken(acme, ['doctor']);
    const newcomer = (await createHolder(acme, doctor)).id;
    expect((await bundle(`/api/fhir/ImmunizationRecommendation?patient=${newcomer}`)).total).toBe(0);
    await documentVaccination(acme, catalogue, { personId: newcomer, doseNumber: 1, administeredAt: '2021-05-03T08:15:00Z' });
    const found = await bundle(`/api/fhir/ImmunizationRecommendation?patient=${newcomer}`);
    expect(found.total).toBe(1);
    const [recommendation] = resourcesOf<ImmunizationRecommendation>(found, 'ImmunizationRecommendation');
    expect(recommendation!.recommendation[0]).toMatchObject({
      forecastStatus: { coding: [{ code: 'overdue' }] },
      doseNumberPositiveInt: 2,
      seriesDosesPositiveInt: 2,
      dateCriterion: [{ value: '2021-05-24' }, { value: '2021-05-24' }, { value: '2021-06-14' }],
    });
  });

  it('refuses an unknown person (404), a bad patient parameter (400 with the field), no token and another tenant (401)', async () => {
    const unknown = await acme.request('/api/fhir/Patient/7d0f7f5e-36c4-4c21-9d2b-8f7c6a5e4d3c/$everything', { token: assistant });
    expect(unknown.status).toBe(404);
    const bad = await acme.request('/api/fhir/Immunization?patient=Musterfrau', { token: assistant });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await bad.json()) as ProblemDetails & { errors?: { field: string }[] }).errors?.map((error) => error.field)).toEqual(['patient']);
    expect((await acme.request(`/api/fhir/Patient/${personId}/$everything`)).status).toBe(401);
    const foreign = await acme.request(`/api/fhir/Patient/${personId}/$everything`, { token: await staffToken(globex, ['admin']) });
    expect(foreign.status).toBe(401);
  });
});
