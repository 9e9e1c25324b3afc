import type { CertificateRecord, CertifiedDose } from '@vaccinate/certificate-token';
import {
  DCC_VACCINES,
  TransliterationError,
  buildVaccinationPayload,
  doseNumbering,
  generateUvci,
  transliterateIcao,
  type DccVaccinationPayload,
  type DccVaccineId,
} from '@vaccinate/eu-dcc';
import { buildImmunizationBundle, type FhirImmunizationBundle, type ShcVaccineId } from '@vaccinate/smart-health-card';
import { dateIn } from '../../common/time-zone';
import type { CertificateFacts, DoseFacts } from './certificate-facts';

/** The COVID-19 vaccines ATC code: in the DCC prophylaxis value set, for products the table does not know. */
const DCC_PROPHYLAXIS_FALLBACK = 'J07BX03';

export interface CertificateIssuer {
  /** The tenant slug: the UVCI's issuing entity, so identifiers never collide across tenants. */
  tenantSlug: string;
  /** Shown as the issuer on the certificate and in the DCC `is` field. */
  issuerName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timeZone: string;
  /** The tenant prints who vaccinated (on the page only: neither QR schema has a field for it). */
  namesVaccinator: boolean;
}

/** Everything to sign: the record for the PDF, the EU DCC payload for `HC1:` and the FHIR bundle for `shc:/`. */
export interface CertificateContent {
  record: CertificateRecord;
  dccPayload: DccVaccinationPayload;
  shcBundle: FhirImmunizationBundle;
}

/**
 * `URN:UVCI:01:DE:ACME/<26 random>#<check>`. The tenant slug (hyphens become `/`, which the
 * random part never holds) makes the identifier unique across tenants; 26 random characters make
 * it unguessable.
 */
export function newCertificateId(issuer: Pick<CertificateIssuer, 'tenantSlug' | 'country'>): string {
  return generateUvci({ country: issuer.country, issuingEntity: issuer.tenantSlug.toUpperCase().replace(/-/g, '/') });
}

export function buildCertificateContent(facts: CertificateFacts, issuer: CertificateIssuer, certificateId: string): CertificateContent {
  const { holder, certified } = facts;
  const listed = facts.listed.some((dose) => dose.vaccinationId === certified.vaccinationId) ? facts.listed : [...facts.listed, certified];
  const doses = listed.map((dose) => certifiedDose(dose, issuer));
  const certifiedEntry = certifiedDose(certified, issuer);
  const product = dccProduct(certified);
  const dccPayload = buildVaccinationPayload({
    familyName: holder.familyName,
    givenName: holder.givenName,
    birthDate: holder.birthDate,
    vaccine: product.vaccine,
    doseNumber: certifiedEntry.doseNumber,
    seriesDoses: certifiedEntry.seriesDoses,
    date: certifiedEntry.date,
    country: issuer.country,
    issuer: issuer.issuerName.slice(0, 80),
    certificateId,
    standardisedFamilyName: standardised(holder.familyName),
    standardisedGivenName: standardised(holder.givenName),
  });
  const shcBundle = buildImmunizationBundle(
    holder,
    listed.map((dose, index) => ({
      vaccine: shcVaccineOf(dose),
      date: doses[index]!.date,
      lotNumber: dose.lotNumber,
      performer: issuer.issuerName,
    })),
  );
  const record: CertificateRecord = {
    certificateId,
    person: { familyName: holder.familyName, givenName: holder.givenName, birthDate: holder.birthDate },
    doses,
    issuerName: issuer.issuerName,
    tenant: issuer.tenantSlug,
  };
  return { record, dccPayload, shcBundle };
}

/** `dn`/`sd` as in the DCC examples: n/N in the primary series, then 3/3, 4/4 (or 2/1, 3/1 after a one-dose series). */
function certifiedDose(dose: DoseFacts, issuer: CertificateIssuer): CertifiedDose {
  const { dn, sd } = doseNumbering(dose.doseNumber, dose.seriesDoses);
  return {
    vaccine: dccProduct(dose).id,
    productName: dose.productName,
    manufacturer: dose.manufacturer,
    doseNumber: dn,
    seriesDoses: sd,
    date: dateIn(issuer.timeZone, dose.administeredAt),
    country: issuer.country,
    lotNumber: dose.lotNumber,
    ...(issuer.namesVaccinator && dose.vaccinatorName ? { vaccinatorName: dose.vaccinatorName } : {}),
  };
}

function dccProduct(dose: DoseFacts): { id: DccVaccineId | 'unspecified'; vaccine: { prophylaxis: string; product: string; marketingAuthorizationHolder: string } } {
  const known = (Object.keys(DCC_VACCINES) as DccVaccineId[]).find((id) => DCC_VACCINES[id].product === dose.euProductCode.trim());
  if (known) return { id: known, vaccine: DCC_VACCINES[known] };
  return {
    id: 'unspecified',
    vaccine: { prophylaxis: DCC_PROPHYLAXIS_FALLBACK, product: dose.euProductCode, marketingAuthorizationHolder: dose.marketingAuthorisationHolder },
  };
}

/** The SMART Health Card product table shares its keys with the DCC table. */
function shcVaccineOf(dose: DoseFacts): ShcVaccineId {
  return dccProduct(dose).id;
}

/**
 * The ICAO 9303 form of a name. A script the transliteration table lacks must not stop a
 * documentation from committing: such letters are dropped instead (the printed name stays exact).
 */
export function standardised(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  try {
    return transliterateIcao(trimmed);
  } catch (error) {
    if (!(error instanceof TransliterationError)) throw error;
    const letters = trimmed
      .normalize('NFKD')
      .toUpperCase()
      .replace(/[\s-]+/g, '<')
      .replace(/[^A-Z<]/g, '');
    return (letters.replace(/</g, '') ? letters : 'X').slice(0, 80);
  }
}
