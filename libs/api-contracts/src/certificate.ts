/** `POST /api/vaccinations/:id/certificates`: a certificate was issued and its link mailed to the person. */
export interface IssuedCertificateResponse {
  /** The UVCI, `URN:UVCI:01:<country>:<tenant>/<unique>#<check>`. */
  certificateId: string;
  vaccinationId: string;
  issuedAt: string;
  expiresAt: string;
}

export interface CertificateRevocation {
  certificateId: string;
  revokedAt: string;
}

/** `GET /api/certificates/revocations`: the tenant's revoked certificates, public and cacheable. */
export interface CertificateRevocationList {
  /** The tenant's public URL: the `iss` of its certificates. */
  issuer: string;
  generatedAt: string;
  revoked: CertificateRevocation[];
}
