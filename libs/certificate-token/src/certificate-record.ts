import type { PersonalData } from './personal-data';

/** One documented dose, as the certificate shows it and the QR encoders need it. */
export interface CertifiedDose {
  /** Product key shared with the QR encoders, e.g. `comirnaty`. */
  vaccine: string;
  productName: string;
  manufacturer: string;
  doseNumber: number;
  seriesDoses: number;
  /** YYYY-MM-DD. */
  date: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lotNumber?: string;
  /**
   * The display name of the doctor who gave the dose, only when the tenant prints it. Shown on the
   * certificate, never put into the signed QR payloads (neither schema has a field for it).
   */
  vaccinatorName?: string;
}

/** What the signed token certifies. Rendering needs nothing else: no database is read. */
export interface CertificateRecord {
  /** The UVCI, also the revocation key. */
  certificateId: string;
  person: PersonalData;
  doses: CertifiedDose[];
  /** The certificate issuer shown on the certificate (the tenant's name). */
  issuerName: string;
  /** The tenant, for branding. */
  tenant: string;
}

/**
 * The record the tenant API puts in the token: the certificate plus both QR payloads, signed at
 * issuance with the tenant's key, so the stateless certificates function needs no private key.
 */
export interface IssuedCertificateRecord extends CertificateRecord {
  /** The EU DCC QR text, `HC1:...`. */
  hc1: string;
  /** The SMART Health Card compact JWS (`zip: DEF`, ES256). */
  shcJws: string;
  /** The tenant's primary color, `#rrggbb`; a neutral color when absent. */
  brandColor?: string;
}
