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
