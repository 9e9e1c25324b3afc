import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** Everything secret a tenant is born with; Terraform generates the same set (random_* and tls_private_key). */
export interface TenantSecrets {
  databasePassword: string;
  /** `FIELD_KEYS` format: `v1:<base64 of 32 bytes>`. */
  fieldKeys: string;
  fieldKeyCurrent: string;
  /** ES256 private key, PKCS#8 PEM. */
  tokenSigningKey: string;
  /** `CERTIFICATE_SECRET`: base64 of 32 random bytes; certificate tokens are encrypted under keys derived from it. */
  certificateSecret: string;
  /** One-time password of the tenant's first admin; must be changed at first sign-in. */
  initialAdminPassword: string;
}

export function generateTenantSecrets(): TenantSecrets {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    databasePassword: randomBytes(24).toString('base64url'),
    fieldKeys: `v1:${randomBytes(32).toString('base64')}`,
    fieldKeyCurrent: 'v1',
    tokenSigningKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    certificateSecret: randomBytes(32).toString('base64'),
    initialAdminPassword: randomBytes(12).toString('base64url'),
  };
}
