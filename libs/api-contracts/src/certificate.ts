/** `POST /api/vaccinations/:id/certificates`: a certificate was issued and its link mailed to the person. */
export interface IssuedCertificateResponse {
  /** The UVCI, `URN:UVCI:01:<country>:<tenant>/<unique>#<check>`. */
  certificateId: string;
  vaccinationId: string;
  issuedAt: string;
  expiresAt: string;
}

export interface CertificateRevocation {
  /** The UVCI: the `ci` of the EU DCC. */
  certificateId: string;
  /** The same certificate's SMART Health Card revocation id (`vc.rid`). */
  shcRevocationId: string;
  revokedAt: string;
}

/** `GET /api/certificates/revocations`: the tenant's revoked certificates, public and cacheable. */
export interface CertificateRevocationList {
  /** The tenant's public URL: the `iss` of its certificates. */
  issuer: string;
  generatedAt: string;
  revoked: CertificateRevocation[];
}
