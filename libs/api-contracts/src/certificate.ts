import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Strict } from './contract/schema';

/** `POST /api/vaccinations/:id/certificates`: a certificate was issued and its link mailed to the person. */
export const IssuedCertificateResponse = contract(
  'IssuedCertificateResponse',
  Strict({
    certificateId: Type.String({ description: 'The UVCI, `URN:UVCI:01:<country>:<tenant>/<unique>#<check>`' }),
    vaccinationId: Type.String(),
    issuedAt: Type.String(),
    expiresAt: Type.String(),
  }),
);
export type IssuedCertificateResponse = Payload<typeof IssuedCertificateResponse>;

export const CertificateRevocation = Strict({
  certificateId: Type.String({ description: 'The UVCI: the `ci` of the EU DCC' }),
  shcRevocationId: Type.String({ description: "The same certificate's SMART Health Card revocation id (`vc.rid`)" }),
  revokedAt: Type.String(),
});

/** `GET /api/certificates/revocations`: the tenant's revoked certificates, public and cacheable. */
export const CertificateRevocationList = contract(
  'CertificateRevocationList',
  Strict({
    issuer: Type.String({ description: "The tenant's public URL: the `iss` of its certificates" }),
    generatedAt: Type.String(),
    revoked: Type.Array(CertificateRevocation),
  }),
);
export type CertificateRevocationList = Payload<typeof CertificateRevocationList>;
export type CertificateRevocation = CertificateRevocationList['revoked'][number];
