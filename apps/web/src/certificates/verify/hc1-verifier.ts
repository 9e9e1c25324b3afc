import { base45Decode, coseAlgorithm, coseKeyId, decodeCbor, decodeCoseSign1, sigStructure } from '@vaccinate/eu-dcc/browser';
import { UnreadableCodeError, PRODUCT_NAMES, type CertificateVerification } from './certificate-verification';
import { certificateKeyId, dccKeyId, importCertificateKey, importVerifyKey, sameBytes, verifyEs256 } from './ecdsa.util';
import { inflate } from './inflate.util';
import { revocationOf, type IssuerDirectory, type IssuerTenant } from './issuer-directory';

const ES256 = -7;

interface DccVaccination {
  mp?: string;
  dn?: number;
  sd?: number;
  dt?: string;
  co?: string;
  ci?: string;
}

/** Decodes an `HC1:` text, finds the tenant whose published key signed it, and checks its revocation list. */
export async function verifyHc1(text: string, issuers: IssuerDirectory, now: Date): Promise<CertificateVerification> {
  const cose = await decodeCose(text.trim().slice(4));
  const claims = toPlain(decodeCbor(cose.payload)) as Record<string, unknown>;
  const hcert = (claims['-260'] as Record<string, unknown> | undefined)?.['1'] as { nam?: { fn?: string; gn?: string }; dob?: string; v?: DccVaccination[] } | undefined;
  if (!hcert || typeof hcert.dob !== 'string') throw new UnreadableCodeError('not an EU DCC');
  const vaccination = hcert.v?.[0];
  const expiresAt = typeof claims['4'] === 'number' ? new Date(claims['4'] * 1000) : undefined;
  const issuedAt = typeof claims['6'] === 'number' ? new Date(claims['6'] * 1000) : undefined;
  const signer = cose.alg === ES256 ? await findSigner(cose, issuers) : { signature: 'invalid' as const };
  const certificateId = vaccination?.ci;
  return {
    format: 'eu-dcc',
    signature: signer.signature,
    ...(signer.tenant ? { tenant: { slug: signer.tenant.slug, displayName: signer.tenant.displayName } } : {}),
    holder: {
      ...(hcert.nam?.fn ? { familyName: hcert.nam.fn } : {}),
      ...(hcert.nam?.gn ? { givenName: hcert.nam.gn } : {}),
      birthDate: hcert.dob,
    },
    doses: (hcert.v ?? []).map((entry) => ({
      product: PRODUCT_NAMES[entry.mp ?? ''] ?? entry.mp ?? '',
      ...(entry.dn !== undefined ? { doseNumber: entry.dn } : {}),
      ...(entry.sd !== undefined ? { seriesDoses: entry.sd } : {}),
      date: entry.dt ?? '',
      ...(entry.co ? { country: entry.co } : {}),
    })),
    ...(certificateId ? { certificateId } : {}),
    ...(issuedAt ? { issuedAt: issuedAt.toISOString() } : {}),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    expired: expiresAt ? expiresAt.getTime() < now.getTime() : false,
    revocation: signer.tenant && certificateId ? await revocationOf(issuers, signer.tenant, certificateId) : 'unknown',
  };
}

interface Cose {
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  alg: unknown;
  kid: Uint8Array | undefined;
}

async function decodeCose(base45: string): Promise<Cose> {
  try {
    const compressed = base45Decode(base45);
    // A zlib stream starts with 0x78; the specification lets a decoder accept uncompressed COSE too.
    const bytes = compressed[0] === 0x78 ? await inflate(compressed, 'deflate') : compressed;
    const message = decodeCoseSign1(bytes);
    return { protectedBytes: message.protectedBytes, payload: message.payload, signature: message.signature, alg: coseAlgorithm(message), kid: coseKeyId(message) };
  } catch (error) {
    throw new UnreadableCodeError('the HC1 code does not decode', { cause: error });
  }
}

/**
 * The tenant whose Document Signer Certificate (kid = SHA-256 of its DER, first 8 bytes) verifies
 * the signature; codes signed before DSCs carry the kid of a bare key from the tenant's JWKS.
 */
async function findSigner(cose: Cose, issuers: IssuerDirectory): Promise<{ signature: CertificateVerification['signature']; tenant?: IssuerTenant }> {
  const signed = sigStructure(cose.protectedBytes, cose.payload);
  let kidMatched = false;
  for (const tenant of issuers.tenants) {
    for (const key of await candidateKeys(cose.kid, issuers, tenant)) {
      kidMatched = true;
      if (await verifyEs256(key, cose.signature, signed)) return { signature: 'valid', tenant };
    }
  }
  return { signature: kidMatched ? 'invalid' : 'unknown-issuer' };
}

async function candidateKeys(kid: Uint8Array | undefined, issuers: IssuerDirectory, tenant: IssuerTenant): Promise<CryptoKey[]> {
  const keys: CryptoKey[] = [];
  for (const certificate of await issuers.signerCertificates(tenant).catch(() => [])) {
    if (kid && !sameBytes(kid, await certificateKeyId(certificate))) continue;
    const key = await importCertificateKey(certificate).catch(() => undefined);
    if (key) keys.push(key);
  }
  for (const jwk of await issuers.keys(tenant).catch(() => [])) {
    const key = await importVerifyKey(jwk).catch(() => undefined);
    if (key && (!kid || sameBytes(kid, await dccKeyId(key)))) keys.push(key);
  }
  return keys;
}

/** CBOR maps to plain objects (keys as strings), for reading the DCC payload; a tag is read as its contents. */
function toPlain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([key, entry]) => [String(key as string | number), toPlain(entry)]));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'object' && value !== null) {
    if ('tag' in value && 'contents' in value) return toPlain(value.contents);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toPlain(entry)]));
  }
  return value;
}
