/** What the verify page shows about one scanned or pasted code. */
export interface CertificateVerification {
  format: 'eu-dcc' | 'smart-health-card';
  /** `unknown-issuer`: no tenant of this platform publishes the key (or the SHC issuer URL). */
  signature: 'valid' | 'invalid' | 'unknown-issuer';
  tenant?: { slug: string; displayName: string };
  holder: { familyName?: string; givenName?: string; birthDate: string };
  doses: VerifiedDose[];
  /** The UVCI (EU DCC only): the revocation key. */
  certificateId?: string;
  issuedAt?: string;
  expiresAt?: string;
  expired: boolean;
  /** `unknown`: the list could not be read, or the code carries no id to look up (a card without `vc.rid`). */
  revocation: 'revoked' | 'not-revoked' | 'unknown';
}

export interface VerifiedDose {
  product: string;
  doseNumber?: number;
  seriesDoses?: number;
  date: string;
  country?: string;
  lotNumber?: string;
}

export class UnreadableCodeError extends Error {
  override readonly name = 'UnreadableCodeError';
}

/** Product names for the codes the QR codes carry (EU register numbers, CVX). */
export const PRODUCT_NAMES: Record<string, string> = {
  'EU/1/20/1528': 'Comirnaty',
  'EU/1/20/1507': 'Spikevax',
  'EU/1/21/1529': 'Vaxzevria',
  'EU/1/20/1525': 'Jcovden',
  'EU/1/21/1618': 'Nuvaxovid',
  '208': 'Comirnaty',
  '207': 'Spikevax',
  '210': 'Vaxzevria',
  '212': 'Jcovden',
  '211': 'Nuvaxovid',
  '213': 'COVID-19 vaccine',
};
