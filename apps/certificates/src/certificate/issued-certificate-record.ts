import type { CertificateRecord } from '@vaccinate/certificate-token';
import { HC1_PREFIX } from '@vaccinate/eu-dcc';

/**
 * The record the tenant API puts in the token. Beyond the lib's CertificateRecord it carries the
 * QR payloads, signed at issuance with the tenant's key (only the API holds it): this function
 * needs no private key. `brandColor` is optional branding for the PDF.
 */
export interface IssuedCertificateRecord extends CertificateRecord {
  /** The EU DCC QR text, `HC1:...`. */
  hc1: string;
  /** The SMART Health Card compact JWS (`zip: DEF`, ES256). */
  shcJws: string;
  /** The tenant's primary color, `#rrggbb`; a neutral color when absent. */
  brandColor?: string;
}

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
        typeof dose.country === 'string',
    ) &&
    typeof candidate.hc1 === 'string' &&
    candidate.hc1.startsWith(HC1_PREFIX) &&
    typeof candidate.shcJws === 'string' &&
    COMPACT_JWS.test(candidate.shcJws) &&
    (candidate.brandColor === undefined || (typeof candidate.brandColor === 'string' && COLOR.test(candidate.brandColor)))
  );
}
