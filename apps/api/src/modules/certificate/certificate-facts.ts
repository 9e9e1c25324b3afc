/** One valid documented dose, as the certificate needs it. */
export interface DoseFacts {
  vaccinationId: string;
  productName: string;
  manufacturer: string;
  euProductCode: string;
  marketingAuthorisationHolder: string;
  doseNumber: number;
  /** Doses of the primary series, as documented. */
  seriesDoses: number;
  administeredAt: Date;
  lotNumber: string;
  /** The display name of the staff account that vaccinated; null when the subject has none (identity provider). */
  vaccinatorName: string | null;
}

/** The holder as the certificate names them, decrypted; never logged. */
export interface HolderFacts {
  personId: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  email: string;
  /** The language the holder chose; null when they never did. */
  locale: 'de' | 'en' | null;
}

/** What a certificate for one dose is built from: the dose, and every valid dose up to it. */
export interface CertificateFacts {
  holder: HolderFacts;
  certified: DoseFacts;
  /** Every valid dose of the person up to and including the certified one, oldest first. */
  listed: DoseFacts[];
}
