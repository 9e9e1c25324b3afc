import { deflateSync, inflateSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { base45Decode, base45Encode } from './base45';
import { coseKeyId, decodeCoseSign1, plainBytes, signCoseSign1, verifyCoseSign1, type CoseSign1 } from './cose-sign1';
import { DccError } from './dcc-error';
import { resolveVerificationKey, signerKeyId, type DccSigner, type DccVerificationKey } from './dcc-key';
import type { DccName, DccVaccinationEntry } from './dcc-payload';

export const HC1_PREFIX = 'HC1:';

/** CWT claim keys (RFC 8392) and the DCC's health-certificate claim. */
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_HCERT = -260;
const HCERT_EU_DCC_V1 = 1;

/** A decoded DCC: vaccination, test or recovery; only the vaccination group is typed in detail. */
export interface DccPayload {
  ver: string;
  nam: DccName;
  dob: string;
  v?: DccVaccinationEntry[];
  t?: Record<string, unknown>[];
  r?: Record<string, unknown>[];
}

export interface DccClaims {
  /** Issuing country (claim 1). */
  issuer: string | undefined;
  issuedAt: Date;
  expiresAt: Date;
  payload: DccPayload;
}

export interface Hc1Contents {
  claims: DccClaims;
  kid: Uint8Array | undefined;
  cose: CoseSign1;
}

export interface EncodeHc1Options {
  /** ISO 3166-1 alpha-2 code of the issuing country (claim 1). */
  issuerCountry: string;
  /** Defaults to now. */
  issuedAt?: Date;
  expiresAt: Date;
  signer: DccSigner;
}

export interface VerifyHc1Options {
  key: DccVerificationKey;
  /** Verification time; defaults to now. */
  now?: Date;
}

export function encodeHc1(payload: DccPayload, options: EncodeHc1Options): string {
  const issuedAt = options.issuedAt ?? new Date();
  if (options.expiresAt.getTime() <= issuedAt.getTime()) throw new RangeError('expiresAt must be after issuedAt');
  const claims = new Map<number, unknown>([
    [CLAIM_ISS, options.issuerCountry.toUpperCase()],
    [CLAIM_IAT, toSeconds(issuedAt)],
    [CLAIM_EXP, toSeconds(options.expiresAt)],
    // Through JSON so the CBOR holds only JSON data: no `undefined`, no class instances.
    [CLAIM_HCERT, new Map<number, unknown>([[HCERT_EU_DCC_V1, JSON.parse(JSON.stringify(payload)) as unknown]])],
  ]);
  const cose = signCoseSign1(encode(claims), options.signer.privateKey, signerKeyId(options.signer));
  return HC1_PREFIX + base45Encode(deflateSync(cose, { level: 9 }));
}

/** Decodes without verifying: for display only, never for trust decisions. */
export function decodeHc1(text: string): Hc1Contents {
  const trimmed = text.trim();
  if (!trimmed.startsWith(HC1_PREFIX)) throw new DccError('malformed', 'not an HC1 string');
  let compressed: Uint8Array;
  try {
    compressed = base45Decode(trimmed.slice(HC1_PREFIX.length));
  } catch (cause) {
    throw new DccError('malformed', 'the HC1 body is not valid base45', { cause });
  }
  const cose = decodeCoseSign1(inflateIfCompressed(compressed));
  return { claims: parseClaims(cose.payload), kid: coseKeyId(cose), cose };
}

export function verifyHc1(text: string, options: VerifyHc1Options): DccClaims {
  const contents = decodeHc1(text);
  const key = resolveVerificationKey(options.key);
  if (contents.kid && !sameBytes(contents.kid, key.kid)) {
    throw new DccError('key_mismatch', 'the HC1 key id does not match the verification key');
  }
  if (!verifyCoseSign1(contents.cose, key.publicKey)) {
    throw new DccError('signature_invalid', 'the HC1 signature does not verify');
  }
  const now = options.now ?? new Date();
  const { claims } = contents;
  if (claims.expiresAt.getTime() < now.getTime()) throw new DccError('expired', 'the certificate has expired');
  if (claims.issuedAt.getTime() > now.getTime()) throw new DccError('not_yet_valid', 'the certificate is issued in the future');
  if (key.certificate) {
    const { validFrom, validTo } = key.certificate;
    if (new Date(validFrom).getTime() > now.getTime() || new Date(validTo).getTime() < now.getTime()) {
      throw new DccError('expired', 'the signing certificate is not valid at the verification time');
    }
  }
  return claims;
}

function inflateIfCompressed(bytes: Uint8Array): Uint8Array {
  // A zlib stream starts with 0x78; the specification lets a decoder accept uncompressed COSE too.
  if (bytes[0] !== 0x78) return bytes;
  try {
    return inflateSync(bytes);
  } catch (cause) {
    throw new DccError('malformed', 'the HC1 body does not inflate', { cause });
  }
}

function parseClaims(bytes: Uint8Array): DccClaims {
  let claims: unknown;
  try {
    claims = decode(plainBytes(bytes));
  } catch (cause) {
    throw new DccError('malformed', 'the CWT claims are not valid CBOR', { cause });
  }
  if (!(claims instanceof Map)) throw new DccError('malformed', 'the CWT claims are not a map');
  const iss = claims.get(CLAIM_ISS);
  const iat = claims.get(CLAIM_IAT);
  const exp = claims.get(CLAIM_EXP);
  const hcert = claims.get(CLAIM_HCERT);
  if (typeof iat !== 'number' || typeof exp !== 'number') throw new DccError('malformed', 'iat or exp is missing');
  if (iss !== undefined && typeof iss !== 'string') throw new DccError('malformed', 'iss is not a string');
  const payload = hcert instanceof Map ? hcert.get(HCERT_EU_DCC_V1) : undefined;
  if (!isDccPayload(payload)) throw new DccError('malformed', 'the health certificate claim is missing or not a DCC');
  return { issuer: iss, issuedAt: fromSeconds(iat), expiresAt: fromSeconds(exp), payload };
}

function isDccPayload(value: unknown): value is DccPayload {
  if (value === null || typeof value !== 'object' || value instanceof Map) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.ver === 'string' && typeof candidate.dob === 'string' && typeof candidate.nam === 'object';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const fromSeconds = (seconds: number) => new Date(seconds * 1000);
