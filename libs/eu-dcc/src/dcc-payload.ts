import { transliterateIcao } from './icao-transliteration';

/** COVID-19 (SNOMED CT 840539006): the only disease agent in the DCC value set. */
export const DCC_TARGET_COVID_19 = '840539006';
/** The schema version written into new payloads. */
export const DCC_SCHEMA_VERSION = '1.3.0';

export interface DccName {
  fn?: string;
  fnt?: string;
  gn?: string;
  gnt?: string;
}

export interface DccVaccinationEntry {
  /** Disease or agent targeted. */
  tg: string;
  /** Vaccine or prophylaxis (value set `sct-vaccines-covid-19`). */
  vp: string;
  /** Medicinal product (value set `vaccines-covid-19-names`). */
  mp: string;
  /** Marketing authorisation holder or manufacturer (value set `vaccines-covid-19-auth-holders`). */
  ma: string;
  /** Dose number. */
  dn: number;
  /** Total doses in the series. */
  sd: number;
  /** Date of vaccination, YYYY-MM-DD. */
  dt: string;
  /** Member state or third country of vaccination. */
  co: string;
  /** Certificate issuer. */
  is: string;
  /** Unique certificate identifier (UVCI). */
  ci: string;
}

export interface DccVaccinationPayload {
  ver: string;
  nam: DccName;
  dob: string;
  v: [DccVaccinationEntry];
}

export interface VaccinationCertificateInput {
  familyName?: string;
  givenName?: string;
  /** YYYY-MM-DD, YYYY-MM, YYYY or empty when unknown. */
  birthDate: string;
  vaccine: { prophylaxis: string; product: string; marketingAuthorizationHolder: string };
  doseNumber: number;
  seriesDoses: number;
  /** Date of vaccination, YYYY-MM-DD. */
  date: string;
  country: string;
  issuer: string;
  certificateId: string;
  /** Pre-standardised names, for scripts the built-in transliteration does not cover. */
  standardisedFamilyName?: string;
  standardisedGivenName?: string;
}

export class DccPayloadError extends Error {
  override readonly name = 'DccPayloadError';
}

export function buildVaccinationPayload(input: VaccinationCertificateInput): DccVaccinationPayload {
  const nam = buildName(input);
  if (!/^((19|20)\d\d(-\d\d){0,2})?$/.test(input.birthDate)) throw new DccPayloadError('birth date must be YYYY[-MM[-DD]] or empty');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DccPayloadError('vaccination date must be YYYY-MM-DD');
  if (!Number.isInteger(input.doseNumber) || input.doseNumber < 1) throw new DccPayloadError('dose number must be a positive integer');
  if (!Number.isInteger(input.seriesDoses) || input.seriesDoses < 1) throw new DccPayloadError('series doses must be a positive integer');
  if (input.issuer.length > 80 || input.certificateId.length > 80) throw new DccPayloadError('issuer and certificate id are limited to 80 characters');
  return {
    ver: DCC_SCHEMA_VERSION,
    nam,
    dob: input.birthDate,
    v: [
      {
        tg: DCC_TARGET_COVID_19,
        vp: input.vaccine.prophylaxis,
        mp: input.vaccine.product,
        ma: input.vaccine.marketingAuthorizationHolder,
        dn: input.doseNumber,
        sd: input.seriesDoses,
        dt: input.date,
        co: input.country.toUpperCase(),
        is: input.issuer,
        ci: input.certificateId,
      },
    ],
  };
}

function buildName(input: VaccinationCertificateInput): DccName {
  const nam: DccName = {};
  const familyName = input.familyName?.trim();
  const givenName = input.givenName?.trim();
  if (familyName) {
    nam.fn = familyName.slice(0, 80);
    nam.fnt = input.standardisedFamilyName ?? transliterateIcao(familyName);
  }
  if (givenName) {
    nam.gn = givenName.slice(0, 80);
    nam.gnt = input.standardisedGivenName ?? transliterateIcao(givenName);
  }
  if (!nam.fnt && !nam.gnt) throw new DccPayloadError('a family name or a given name is required');
  for (const standardised of [nam.fnt, nam.gnt]) {
    if (standardised !== undefined && !/^[A-Z<]{0,80}$/.test(standardised)) {
      throw new DccPayloadError('standardised names hold only A-Z and <, at most 80 characters');
    }
  }
  return nam;
}
