import type { CertificateRecord, IssuedCertificateRecord } from '@vaccinate/certificate-token';
import { HC1_PREFIX } from '@vaccinate/eu-dcc';

/** Defined in the lib: the tenant API builds it, this function renders it. */
export type { IssuedCertificateRecord };

const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The signature proves who issued the record, not that the issuing code filled every field. A
 * record without what rendering needs is refused rather than rendered half-empty.
 */
export function isIssuedCertificateRecord(record: CertificateRecord): record is IssuedCertificateRecord {
  const candidate = record as Partial<IssuedCertificateRecord>;
  return (
    typeof candidate.certificateId === 'string' &&
    typeof candidate.issuerName === 'string' &&
    typeof candidate.person?.familyName === 'string' &&
    typeof candidate.person.givenName === 'string' &&
    typeof candidate.person.birthDate === 'string' &&
    Array.isArray(candidate.doses) &&
    candidate.doses.length > 0 &&
    candidate.doses.every(
      (dose) =>
        typeof dose?.productName === 'string' &&
        typeof dose.manufacturer === 'string' &&
        Number.isInteger(dose.doseNumber) &&
        Number.isInteger(dose.seriesDoses) &&
        typeof dose.date === 'string' &&
        typeof dose.country === 'string' &&
        (dose.vaccinatorName === undefined || typeof dose.vaccinatorName === 'string'),
    ) &&
    typeof candidate.hc1 === 'string' &&
    candidate.hc1.startsWith(HC1_PREFIX) &&
    typeof candidate.shcJws === 'string' &&
    COMPACT_JWS.test(candidate.shcJws) &&
    (candidate.brandColor === undefined || (typeof candidate.brandColor === 'string' && COLOR.test(candidate.brandColor)))
  );
}
