import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { ERROR_MESSAGE, IsoDate, OneOf, SingleLine, Strict, Text, Trimmed } from './contract/schema';

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

/** `POST /api/certificates/links`: the short reference from the certificate mail's link (its fragment, `#ref=<reference>`). */
export const CertificateLinkRequest = contract(
  'CertificateLinkRequest',
  Strict({ reference: Trimmed({ pattern: '^[A-Za-z0-9_-]{22}$', [ERROR_MESSAGE]: 'is not a certificate link' }) }),
);
export type CertificateLinkRequest = Payload<typeof CertificateLinkRequest>;

/** The token the reference stands for, until the certificate expires; it is opened with the holder's details as before. */
export const CertificateLinkToken = contract('CertificateLinkToken', Strict({ token: Type.String(), expiresAt: Type.String() }));
export type CertificateLinkToken = Payload<typeof CertificateLinkToken>;

export const CERTIFICATE_LOCALES = ['de', 'en'] as const;

/**
 * What the holder's browser sends to every route of the certificates function
 * (`/v1/certificates/pdf`, `/smart-health-card`, `/fhir`): the token from the link and the personal
 * data it was encrypted under.
 */
export const CertificateRequest = contract(
  'CertificateRequest',
  Strict({
    // A compact JWE: five base64url parts. Its header is checked when it is opened.
    token: Trimmed({ minLength: 1, maxLength: 16_000, pattern: '^[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){4}$', [ERROR_MESSAGE]: 'is not a certificate token' }),
    personalData: Strict({ familyName: SingleLine(200), givenName: SingleLine(200), birthDate: IsoDate('must be a date YYYY-MM-DD') }),
    locale: Type.Optional(OneOf(CERTIFICATE_LOCALES, { description: 'de when absent' })),
  }),
);
export type CertificateRequest = Payload<typeof CertificateRequest>;

/** The tenant's public signing key as a JWK (RFC 7517), with the version of its SMART Health Cards revocation list. */
export const PublicSigningKey = Strict({
  kty: Type.String({ examples: ['EC'] }),
  crv: Type.String({ examples: ['P-256'] }),
  x: Type.String(),
  y: Type.String(),
  kid: Type.String({ description: 'RFC 7638 thumbprint' }),
  alg: Type.Literal('ES256'),
  use: Type.Literal('sig'),
  crlVersion: Type.Integer({ description: "The `ctr` of the key's revocation list" }),
});

/** `GET /.well-known/jwks.json`: the certificate keys, current and retired, the SMART Health Card issuer key set. */
export const JsonWebKeySet = contract('JsonWebKeySet', Strict({ keys: Type.Array(PublicSigningKey) }));
export type JsonWebKeySet = Payload<typeof JsonWebKeySet>;

/** One certificate of the EU DCC trust list, as the DCC Gateway's `trustList` items carry it. */
export const DccTrustListCertificate = Strict({
  certificateType: OneOf(['DSC', 'CSCA'] as const, { description: 'DSC: signs HC1 codes; CSCA: issued the DSCs' }),
  country: Type.String({ description: 'ISO 3166-1 alpha-2', pattern: '^[A-Z]{2}$' }),
  kid: Type.String({ description: 'base64 of the first 8 bytes of SHA-256 over the DER: the COSE kid of the HC1 codes it signs' }),
  rawData: Type.String({ description: 'the certificate, base64 DER' }),
  thumbprint: Type.String({ description: 'SHA-256 over the DER, hex' }),
  timestamp: Type.String({ description: 'when the certificate became valid (ISO 8601)' }),
});

/**
 * `GET /api/certificates/trust-list`: the tenant's Document Signer Certificates (current and retired
 * ones still covering valid certificates) and the CSCA that issued them, in the shape of the DCC
 * Gateway trust list. Unlike the gateway's, the entries carry no upload signature: this list is
 * trusted through its HTTPS origin and the CSCA, not through a national backend's signing key.
 */
export const DccTrustList = contract('DccTrustList', Strict({ certificates: Type.Array(DccTrustListCertificate) }));
export type DccTrustList = Payload<typeof DccTrustList>;
export type DccTrustListCertificate = DccTrustList['certificates'][number];

/** `GET /.well-known/crl/:file`: the SMART Health Cards revocation list of one key, revoked `vc.rid` values. */
export const ShcRevocationList = contract(
  'ShcRevocationList',
  Strict({ kid: Type.String(), method: Type.Literal('rid'), ctr: Type.Integer(), rids: Type.Array(Type.String()) }),
);
export type ShcRevocationList = Payload<typeof ShcRevocationList>;

/** The `:file` of a revocation list: `<kid>.json`. */
export const KeyFileParam = contract('KeyFileParam', Strict({ file: Text('must be <kid>.json', { pattern: '^[A-Za-z0-9_-]{1,100}\\.json$' }) }));
export type KeyFileParam = Payload<typeof KeyFileParam>;
