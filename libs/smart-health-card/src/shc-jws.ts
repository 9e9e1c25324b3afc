import { KeyObject, createPublicKey } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import type { FhirImmunizationBundle } from './fhir-bundle';
import { ShcError } from './shc-error';
import { shcKeyId } from './shc-key';

export const HEALTH_CARD_TYPE = 'https://smarthealth.cards#health-card';

export interface HealthCardPayload {
  /** The issuer URL; its `/.well-known/jwks.json` serves the verification key. */
  iss: string;
  /** Issuance time, seconds since the epoch. */
  nbf: number;
  vc: {
    type: string[];
    /** Revocation identifier (SMART Health Cards 1.2): what the issuer lists when it revokes this card. */
    rid?: string;
    credentialSubject: { fhirVersion: '4.0.1'; fhirBundle: FhirImmunizationBundle };
  };
}

export interface HealthCardJwsHeader {
  zip: 'DEF';
  alg: 'ES256';
  kid: string;
}

export interface CreateHealthCardOptions {
  /** Issuer URL without a trailing slash, e.g. `https://acme.example.org`. */
  issuer: string;
  privateKey: KeyObject;
  /** Defaults to now. */
  issuedAt?: Date;
  /** `vc.rid`: base64url, at most 24 characters, not derived from personal data. */
  revocationId?: string;
}

/** Public keys to verify with: a JWK set as served at `.well-known/jwks.json`, JWKs, or key objects. */
export type ShcVerificationKeys = { keys: JWK[] } | JWK[] | KeyObject | KeyObject[];

export interface VerifyHealthCardOptions {
  keys: ShcVerificationKeys;
  /** When set, the `iss` claim must equal it. */
  issuer?: string;
}

export interface DecodedHealthCard {
  header: HealthCardJwsHeader;
  payload: HealthCardPayload;
}

export async function createHealthCardJws(bundle: FhirImmunizationBundle, options: CreateHealthCardOptions): Promise<string> {
  assertIssuerUrl(options.issuer);
  if (options.revocationId !== undefined && !/^[A-Za-z0-9_-]{1,24}$/.test(options.revocationId)) {
    throw new ShcError('malformed', 'a revocation id is 1 to 24 base64url characters');
  }
  const payload: HealthCardPayload = {
    iss: options.issuer,
    nbf: Math.floor((options.issuedAt ?? new Date()).getTime() / 1000),
    vc: {
      type: [HEALTH_CARD_TYPE],
      ...(options.revocationId === undefined ? {} : { rid: options.revocationId }),
      credentialSubject: { fhirVersion: '4.0.1', fhirBundle: bundle },
    },
  };
  const header: HealthCardJwsHeader = { zip: 'DEF', alg: 'ES256', kid: await shcKeyId(options.privateKey) };
  const compressed = deflateRawSync(Buffer.from(JSON.stringify(payload)), { level: 9 });
  return new CompactSign(new Uint8Array(compressed)).setProtectedHeader({ ...header }).sign(options.privateKey);
}

/** Decodes without verifying: tells a verifier which issuer's keys to fetch, nothing more. */
export function decodeHealthCardJws(jws: string): DecodedHealthCard {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new ShcError('malformed', 'not a compact JWS');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch (cause) {
    throw new ShcError('malformed', 'the JWS header does not parse', { cause });
  }
  if (header.alg !== 'ES256' || header.zip !== 'DEF' || typeof header.kid !== 'string') {
    throw new ShcError('malformed', 'a health card JWS header is {"zip":"DEF","alg":"ES256","kid":...}');
  }
  return {
    header: { zip: 'DEF', alg: 'ES256', kid: header.kid },
    payload: inflatePayload(Buffer.from(parts[1]!, 'base64url')),
  };
}

export async function verifyHealthCardJws(jws: string, options: VerifyHealthCardOptions): Promise<DecodedHealthCard> {
  const { header } = decodeHealthCardJws(jws);
  const key = await findKey(options.keys, header.kid);
  if (!key) throw new ShcError('key_mismatch', `no verification key with kid ${header.kid}`);
  let signedPayload: Uint8Array;
  try {
    ({ payload: signedPayload } = await compactVerify(jws, key, { algorithms: ['ES256'] }));
  } catch (cause) {
    throw new ShcError('signature_invalid', 'the health card signature does not verify', { cause });
  }
  const payload = inflatePayload(signedPayload);
  if (options.issuer !== undefined && payload.iss !== options.issuer) {
    throw new ShcError('issuer_mismatch', 'the health card was issued by another issuer');
  }
  return { header, payload };
}

async function findKey(keys: ShcVerificationKeys, kid: string): Promise<KeyObject | undefined> {
  const list: (JWK | KeyObject)[] = Array.isArray(keys) ? keys : 'keys' in keys ? keys.keys : [keys];
  for (const candidate of list) {
    // The kid is recomputed from the key material, never trusted from a JWK's own `kid` member.
    if ((await shcKeyId(candidate)) !== kid) continue;
    if (candidate instanceof KeyObject) return candidate.type === 'private' ? createPublicKey(candidate) : candidate;
    const { kty, crv, x, y } = candidate;
    return createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' });
  }
  return undefined;
}

function inflatePayload(compressed: Uint8Array): HealthCardPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inflateRawSync(compressed).toString('utf8'));
  } catch (cause) {
    throw new ShcError('malformed', 'the JWS payload is not raw-deflated JSON', { cause });
  }
  const candidate = parsed as Partial<HealthCardPayload> | null;
  if (
    typeof candidate?.iss !== 'string' ||
    typeof candidate.nbf !== 'number' ||
    !candidate.vc?.type?.includes(HEALTH_CARD_TYPE) ||
    candidate.vc.credentialSubject?.fhirBundle?.resourceType !== 'Bundle'
  ) {
    throw new ShcError('malformed', 'the JWS payload is not a health card');
  }
  return candidate as HealthCardPayload;
}

function assertIssuerUrl(issuer: string): void {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new TypeError('the issuer must be a URL');
  }
  if (issuer.endsWith('/') || !['https:', 'http:'].includes(url.protocol)) {
    throw new TypeError('the issuer is an http(s) URL without a trailing slash');
  }
}
