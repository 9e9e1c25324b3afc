import type { KeyObject } from 'node:crypto';
import { CompactEncrypt, SignJWT, compactDecrypt, createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import type { CertificateRecord } from './certificate-record';
import { CertificateTokenError } from './certificate-token.error';
import { isIsoDate, type PersonalData } from './personal-data';
import { SALT_BYTES, deriveTokenKey, newSalt, type CertificateSecret } from './token-key';

const RECORD_CLAIM = 'cert';

export interface IssueCertificateTokenOptions {
  /** The tenant's ES256 private key and its `kid` in the published key set. */
  signingKey: { privateKey: KeyObject; kid: string };
  /** The current certificate secret. */
  secret: CertificateSecret;
  /** `iss`: the tenant's API URL (or another stable tenant identifier). */
  issuer: string;
  expiresAt: Date;
  /** Defaults to now. */
  issuedAt?: Date;
}

export interface OpenCertificateTokenOptions {
  /** What the holder typed. */
  personalData: PersonalData;
  /** The tenant's certificate secrets: the current one and any still-valid previous ones. */
  secrets: CertificateSecret[];
  /** The tenant's public key set, as served at `/.well-known/jwks.json`. */
  jwks: JSONWebKeySet;
  /** When set, `iss` must equal it. */
  issuer?: string;
  /** Defaults to now. */
  now?: Date;
}

export interface OpenedCertificate {
  record: CertificateRecord;
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The signing key id. */
  kid: string;
}

/** Sign the record as an ES256 JWT, then encrypt it (JWE dir + A256GCM) under the derived key. */
export async function issueCertificateToken(record: CertificateRecord, options: IssueCertificateTokenOptions): Promise<string> {
  if (!isIsoDate(record.person.birthDate)) throw new RangeError('the birth date must be YYYY-MM-DD');
  const issuedAt = options.issuedAt ?? new Date();
  if (options.expiresAt.getTime() <= issuedAt.getTime()) throw new RangeError('expiresAt must be after issuedAt');
  const jwt = await new SignJWT({ [RECORD_CLAIM]: record })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: options.signingKey.kid })
    .setIssuer(options.issuer)
    .setJti(record.certificateId)
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .setExpirationTime(Math.floor(options.expiresAt.getTime() / 1000))
    .sign(options.signingKey.privateKey);

  const salt = newSalt();
  const key = deriveTokenKey(options.secret, salt, record.person);
  return new CompactEncrypt(new TextEncoder().encode(jwt))
    .setProtectedHeader({
      alg: 'dir',
      enc: 'A256GCM',
      cty: 'JWT',
      kid: options.secret.id,
      salt: Buffer.from(salt).toString('base64url'),
    })
    .encrypt(key);
}

export async function openCertificateToken(token: string, options: OpenCertificateTokenOptions): Promise<OpenedCertificate> {
  const { salt, secretId } = readHeader(token);
  const jwt = await decrypt(token, salt, secretId, options);
  return verifyJwt(jwt, options);
}

function readHeader(token: string): { salt: Uint8Array; secretId: string } {
  if (typeof token !== 'string' || token.split('.').length !== 5) throw new CertificateTokenError('malformed', 'not a compact JWE');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw new CertificateTokenError('malformed', 'the token header does not parse', { cause });
  }
  const salt = typeof header.salt === 'string' ? Buffer.from(header.salt, 'base64url') : undefined;
  if (header.alg !== 'dir' || header.enc !== 'A256GCM' || typeof header.kid !== 'string' || salt?.length !== SALT_BYTES) {
    throw new CertificateTokenError('malformed', 'the token header is not {alg: dir, enc: A256GCM, kid, salt}');
  }
  return { salt: new Uint8Array(salt), secretId: header.kid };
}

async function decrypt(token: string, salt: Uint8Array, secretId: string, options: OpenCertificateTokenOptions): Promise<string> {
  const secret = options.secrets.find((candidate) => candidate.id === secretId);
  if (!secret) throw new CertificateTokenError('details_mismatch', 'these details do not match');
  try {
    const { plaintext } = await compactDecrypt(token, deriveTokenKey(secret, salt, options.personalData), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return new TextDecoder().decode(plaintext);
  } catch (cause) {
    throw new CertificateTokenError('details_mismatch', 'these details do not match', { cause });
  }
}

async function verifyJwt(jwt: string, options: OpenCertificateTokenOptions): Promise<OpenedCertificate> {
  try {
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(options.jwks), {
      algorithms: ['ES256'],
      issuer: options.issuer,
      currentDate: options.now,
      requiredClaims: ['iss', 'iat', 'exp', 'jti', RECORD_CLAIM],
    });
    const record = payload[RECORD_CLAIM] as CertificateRecord;
    return {
      record,
      issuer: payload.iss!,
      issuedAt: new Date(payload.iat! * 1000),
      expiresAt: new Date(payload.exp! * 1000),
      kid: protectedHeader.kid!,
    };
  } catch (cause) {
    throw mapJwtError(cause);
  }
}

function mapJwtError(cause: unknown): CertificateTokenError {
  if (cause instanceof errors.JWTExpired) return new CertificateTokenError('expired', 'the certificate token has expired', { cause });
  if (
    cause instanceof errors.JWSSignatureVerificationFailed ||
    cause instanceof errors.JWKSNoMatchingKey ||
    cause instanceof errors.JWKSMultipleMatchingKeys ||
    (cause instanceof errors.JWTClaimValidationFailed && cause.claim === 'iss')
  ) {
    return new CertificateTokenError('signature_invalid', 'the certificate is not signed by this tenant', { cause });
  }
  return new CertificateTokenError('malformed', 'the decrypted certificate is not a valid signed token', { cause });
}
