import { describe, expect, it } from 'vitest';
import { DccPayloadError, buildVaccinationPayload, type VaccinationCertificateInput } from './dcc-payload';
import { DCC_VACCINES, type DccVaccineId } from './dcc-vaccines';
import { doseNumbering } from './dose-numbering';
import { generateUvci } from './uvci';
import { exampleFiles, readStandardsJson, schemaErrors, valueSetErrors } from './test-support/standards';

function input(overrides: Partial<VaccinationCertificateInput> = {}): VaccinationCertificateInput {
  return {
    familyName: "d'Červenková Panklová",
    givenName: 'Jiřina-Maria Alena',
    birthDate: '1979-04-14',
    vaccine: DCC_VACCINES.spikevax,
    doseNumber: 1,
    seriesDoses: 2,
    date: '2021-06-11',
    country: 'cz',
    issuer: 'Acme a.s.',
    certificateId: generateUvci({ country: 'CZ' }),
    ...overrides,
  };
}

describe('the schema and value-set checks used by these tests', () => {
  it.each(exampleFiles())('accept the official example %s', (file) => {
    const example = readStandardsJson<{ v: Record<string, unknown>[] }>(`examples/${file}`);
    expect(schemaErrors(example)).toEqual([]);
    expect(valueSetErrors(example)).toEqual([]);
  });

  it('reject a broken payload', () => {
    const payload = buildVaccinationPayload(input());
    expect(schemaErrors({ ...payload, nam: { fnt: 'lower<case' } })).not.toEqual([]);
    expect(schemaErrors({ ...payload, v: [{ ...payload.v[0], dn: 0 }] })).not.toEqual([]);
    expect(valueSetErrors({ v: [{ ...payload.v[0], mp: 'EU/1/99/9999' }] })).toEqual(['mp=EU/1/99/9999']);
  });
});

describe('buildVaccinationPayload', () => {
  it('writes names, standardised names and the vaccination entry', () => {
    const certificateId = generateUvci({ country: 'CZ' });
    expect(buildVaccinationPayload(input({ certificateId }))).toEqual({
      ver: '1.3.0',
      nam: { fn: "d'Červenková Panklová", fnt: 'DCERVENKOVA<PANKLOVA', gn: 'Jiřina-Maria Alena', gnt: 'JIRINA<MARIA<ALENA' },
      dob: '1979-04-14',
      v: [
        {
          tg: '840539006',
          vp: '1119349007',
          mp: 'EU/1/20/1507',
          ma: 'ORG-100031184',
          dn: 1,
          sd: 2,
          dt: '2021-06-11',
          co: 'CZ',
          is: 'Acme a.s.',
          ci: certificateId,
        },
      ],
    });
  });

  const doses = (Object.keys(DCC_VACCINES) as DccVaccineId[]).flatMap((id) => [1, 2, 3, 4].map((doseNumber) => ({ id, doseNumber })));
  it.each(doses)('is valid against the schema and value sets: $id dose $doseNumber', ({ id, doseNumber }) => {
    const vaccine = DCC_VACCINES[id];
    const { dn, sd } = doseNumbering(doseNumber, vaccine.primarySeriesDoses);
    const payload = buildVaccinationPayload(input({ vaccine, doseNumber: dn, seriesDoses: sd }));
    expect(schemaErrors(payload)).toEqual([]);
    expect(valueSetErrors(payload)).toEqual([]);
  });

  it('accepts a single name and partial birth dates, as the schema special cases do', () => {
    const onlyGiven = buildVaccinationPayload(input({ familyName: undefined, givenName: 'Charles', birthDate: '1964' }));
    expect(onlyGiven.nam).toEqual({ gn: 'Charles', gnt: 'CHARLES' });
    expect(schemaErrors(onlyGiven)).toEqual([]);
    const onlyFamily = buildVaccinationPayload(input({ givenName: '  ', birthDate: '1964-01' }));
    expect(Object.keys(onlyFamily.nam)).toEqual(['fn', 'fnt']);
    expect(schemaErrors(onlyFamily)).toEqual([]);
  });

  it('takes pre-standardised names for scripts without a built-in table', () => {
    const payload = buildVaccinationPayload(input({ familyName: 'ابو بكر محمد بن زكريا الرازي', standardisedFamilyName: 'ABW<BKR<MXHMD<BN<ZKRYA<ALRAZY' }));
    expect(payload.nam.fnt).toBe('ABW<BKR<MXHMD<BN<ZKRYA<ALRAZY');
    expect(() => buildVaccinationPayload(input({ standardisedGivenName: 'lower' }))).toThrow(DccPayloadError);
  });

  it('refuses input the schema would refuse', () => {
    expect(() => buildVaccinationPayload(input({ familyName: '', givenName: '' }))).toThrow(DccPayloadError);
    expect(() => buildVaccinationPayload(input({ birthDate: '14.04.1979' }))).toThrow(DccPayloadError);
    expect(() => buildVaccinationPayload(input({ date: '2021-6-11' }))).toThrow(DccPayloadError);
    expect(() => buildVaccinationPayload(input({ doseNumber: 0 }))).toThrow(DccPayloadError);
    expect(() => buildVaccinationPayload(input({ issuer: 'x'.repeat(81) }))).toThrow(DccPayloadError);
  });
});
