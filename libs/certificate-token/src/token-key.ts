import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalPersonalData, type PersonalData } from './personal-data';

/** A per-tenant certificate secret, held by the server only; `id` lets secrets rotate. */
export interface CertificateSecret {
  id: string;
  /** At least 32 random bytes. */
  secret: Uint8Array;
}

export const SALT_BYTES = 16;
const INFO_PREFIX = 'vaccinate certificate-token v1\0';
const MIN_SECRET_BYTES = 32;

export function newSalt(): Uint8Array {
  return new Uint8Array(randomBytes(SALT_BYTES));
}

/**
 * The A256GCM content key: HKDF-SHA256 with the server secret as input key material, the token's
 * random salt, and the canonical personal data bound in `info`. Without the secret no guess of
 * the personal data can be tested; without the personal data the secret alone opens nothing.
 */
export function deriveTokenKey(secret: CertificateSecret, salt: Uint8Array, personalData: PersonalData): Uint8Array {
  if (secret.secret.length < MIN_SECRET_BYTES) throw new RangeError(`a certificate secret has at least ${MIN_SECRET_BYTES} bytes`);
  // Hashed into `info` because Node caps HKDF info at 1024 bytes and names can be long.
  const personal = createHash('sha256').update(canonicalPersonalData(personalData), 'utf8').digest();
  const info = Buffer.concat([Buffer.from(INFO_PREFIX, 'utf8'), personal]);
  return new Uint8Array(hkdfSync('sha256', secret.secret, salt, info, 32));
}
