import { describe, expect, it } from 'vitest';
import { immunizationRecommendation } from './immunization-recommendation';
import { immunizationRecordBundle, searchsetBundle, immunizationResource } from './immunization-record';
import { nameBasedUuid } from './resource-id';
import { r4SchemaErrors } from './r4-schema';
import { CVX_SYSTEM } from '@vaccinate/smart-health-card';
import { EU_PRODUCT_SYSTEM } from './vaccine-code';

const patient = { id: '5f0c1a52-0d5b-4a55-9b55-0a1d2b3c4d5e', details: { familyName: 'Musterfrau', givenName: 'Erika Maria', birthDate: '1964-08-12' } };
const performer = { id: '0b6e0d8f-4f8e-4e4b-8a39-3c2f1e0d9c8b', name: 'Acme GmbH' };
const comirnaty = { productName: 'Comirnaty', euProductCode: 'EU/1/20/1528' };
const doses = [
  { ...comirnaty, id: nameBasedUuid('test', 'dose-1'), occurrence: '2021-05-01', lotNumber: 'EW0182', doseNumber: 1, seriesDoses: 2 },
  { ...comirnaty, id: nameBasedUuid('test', 'dose-2'), occurrence: '2021-06-01T09:30:00+02:00', doseNumber: 2, seriesDoses: 2 },
];
const product = {
  ...comirnaty,
  primaryDoses: 2,
  followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 28, maxDays: 42 }],
  boosterMinDaysAfterSeries: 90,
  minAgeYears: 12,
  maxAgeYears: null,
};

describe('the R4 schema check', () => {
  it('refuses what is not R4: a date not in FHIR form, an unknown field, a missing vaccine code', () => {
    const immunization = immunizationResource(doses[0]!, patient.id, performer);
    expect(r4SchemaErrors(immunization)).toEqual([]);
    expect(r4SchemaErrors({ ...immunization, occurrenceDateTime: '01.05.2021' })).not.toEqual([]);
    expect(r4SchemaErrors({ ...immunization, doseNumber: 1 })).not.toEqual([]);
    const { vaccineCode: _code, ...withoutCode } = immunization;
    expect(r4SchemaErrors(withoutCode)).not.toEqual([]);
    expect(r4SchemaErrors([immunization])).not.toEqual([]);
  });
});

describe('the holder record bundle', () => {
  const bundle = immunizationRecordBundle({ patient, performer, doses }, { timestamp: '2024-01-02T03:04:05Z' });

  it('is a valid R4 collection Bundle: the Patient, the Organization and each Immunization', () => {
    expect(r4SchemaErrors(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['Patient', 'Organization', 'Immunization', 'Immunization']);
  });

  it('references entries by their urn:uuid fullUrl', () => {
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    for (const entry of bundle.entry) expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const { resource } of bundle.entry.filter((entry) => entry.resource.resourceType === 'Immunization')) {
      if (resource.resourceType !== 'Immunization') continue;
      expect(fullUrls.has(resource.patient.reference!)).toBe(true);
      expect(fullUrls.has(resource.performer[0]!.actor.reference!)).toBe(true);
    }
  });

  it('codes the vaccine in CVX and the EU register, with lot, date and dose numbers', () => {
    const [first] = bundle.entry.filter((entry) => entry.resource.resourceType === 'Immunization').map((entry) => entry.resource);
    expect(first).toMatchObject({
      vaccineCode: {
        coding: [
          { system: CVX_SYSTEM, code: '208' },
          { system: EU_PRODUCT_SYSTEM, code: 'EU/1/20/1528' },
        ],
      },
      lotNumber: 'EW0182',
      occurrenceDateTime: '2021-05-01',
      protocolApplied: [{ doseNumberPositiveInt: 1, seriesDosesPositiveInt: 2 }],
    });
  });

  it('a searchset of the Immunizations with the Patient included is valid too', () => {
    const immunizations = doses.map((dose) => immunizationResource(dose, patient.id, performer));
    const set = searchsetBundle(immunizations, [], {
      id: nameBasedUuid('test', 'search'),
      timestamp: '2024-01-02T03:04:05Z',
      selfUrl: 'https://acme.example/api/fhir/Immunization?patient=x',
    });
    expect(r4SchemaErrors(set)).toEqual([]);
    expect(set.total).toBe(2);
  });
});

describe('the next-dose recommendation', () => {
  const base = { id: nameBasedUuid('test', 'rec'), patientId: patient.id, product, madeAt: '2021-05-10T08:00:00Z' };

  it('after dose 1: dose 2 of 2 in the schedule window, valid R4', () => {
    const recommendation = immunizationRecommendation({
      ...base,
      today: '2021-05-10',
      lastDose: { immunizationId: doses[0]!.id, doseNumber: 1, seriesDoses: 2, date: '2021-05-01' },
    });
    expect(r4SchemaErrors(recommendation)).toEqual([]);
    expect(recommendation.recommendation[0]).toMatchObject({
      forecastStatus: { coding: [{ code: 'due' }] },
      doseNumberPositiveInt: 2,
      seriesDosesPositiveInt: 2,
      dateCriterion: [{ value: '2021-05-22' }, { value: '2021-05-29' }, { value: '2021-06-12' }],
    });
  });

  it('overdue past the window; a booster after the series; complete when none follows', () => {
    const late = immunizationRecommendation({
      ...base,
      today: '2021-07-01',
      lastDose: { immunizationId: doses[0]!.id, doseNumber: 1, seriesDoses: 2, date: '2021-05-01' },
    });
    expect(late.recommendation[0]!.forecastStatus.coding![0]!.code).toBe('overdue');
    const booster = immunizationRecommendation({
      ...base,
      today: '2021-07-01',
      lastDose: { immunizationId: doses[1]!.id, doseNumber: 2, seriesDoses: 2, date: '2021-06-01' },
    });
    expect(booster.recommendation[0]).toMatchObject({ doseNumberPositiveInt: 3, dateCriterion: [{ value: '2021-08-30' }, {}, {}] });
    const done = immunizationRecommendation({
      ...base,
      product: { ...product, boosterMinDaysAfterSeries: null },
      today: '2021-07-01',
      lastDose: { immunizationId: doses[1]!.id, doseNumber: 2, seriesDoses: 2, date: '2021-06-01' },
    });
    expect(done.recommendation[0]!.forecastStatus.coding![0]!.code).toBe('complete');
    for (const resource of [late, booster, done]) expect(r4SchemaErrors(resource)).toEqual([]);
  });
});
