import { randomBytes } from 'node:crypto';
import { createCertificateAuthority, generateSigningKey, issueDocumentSigner, type CertificateAuthority } from './document-signer';

/** Everything secret a tenant is born with; Terraform generates the same set (random_*, tls_private_key, tls_locally_signed_cert). */
export interface TenantSecrets {
  databasePassword: string;
  /** `FIELD_KEYS` format: `v1:<base64 of 32 bytes>`. */
  fieldKeys: string;
  fieldKeyCurrent: string;
  /** `ACCESS_TOKEN_KEYS`: `v1:<base64 PKCS#8 DER of a P-256 key>`; signs staff access tokens only. */
  accessTokenKeys: string;
  accessTokenKeyCurrent: string;
  /** `CERTIFICATE_SIGNING_KEYS`, same format: signs certificates (EU DCC, SMART Health Card, certificate token). */
  certificateSigningKeys: string;
  certificateSigningKeyCurrent: string;
  /** `CERTIFICATE_SIGNER_CERTIFICATES`: `v1:<base64 DER>`, the Document Signer Certificate of each certificate key. */
  certificateSignerCertificates: string;
  /** `CERTIFICATE_CSCA`: base64 DER of the CA that issued the DSCs. Public, delivered with the keys. */
  certificateCsca: string;
  /** `CERTIFICATE_SECRET`: base64 of 32 random bytes; certificate tokens are encrypted under keys derived from it. */
  certificateSecret: string;
  /** One-time password of the tenant's first admin; must be changed at first sign-in. */
  initialAdminPassword: string;
}

export interface TenantSecretsOptions {
  /** The platform's CSCA; without one (tests, benchmarks) a throwaway CA is made. */
  authority?: CertificateAuthority;
  /** Names the DSC: `<slug> document signer`. */
  slug?: string;
  /** Country of the DSC and of the certificates (DE). */
  country?: string;
}

export async function generateTenantSecrets(options: TenantSecretsOptions = {}): Promise<TenantSecrets> {
  const country = options.country ?? 'DE';
  const authority = options.authority ?? (await createCertificateAuthority({ country, commonName: 'vaccinate test CSCA' }));
  const certificateKey = generateSigningKey();
  const signerCertificate = await issueDocumentSigner(authority, certificateKey, { country, commonName: `${options.slug ?? 'tenant'} document signer` });
  return {
    databasePassword: randomBytes(24).toString('base64url'),
    fieldKeys: `v1:${randomBytes(32).toString('base64')}`,
    fieldKeyCurrent: 'v1',
    accessTokenKeys: `v1:${generateSigningKey()}`,
    accessTokenKeyCurrent: 'v1',
    certificateSigningKeys: `v1:${certificateKey}`,
    certificateSigningKeyCurrent: 'v1',
    certificateSignerCertificates: `v1:${signerCertificate}`,
    certificateCsca: authority.certificate,
    certificateSecret: randomBytes(32).toString('base64'),
    initialAdminPassword: randomBytes(12).toString('base64url'),
  };
}
