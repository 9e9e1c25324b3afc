import { X509Certificate, createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { DccError } from './dcc-error';

/** A verification key: a public key, an X.509 certificate, or a certificate as PEM or base64 DER. */
export type DccVerificationKey = KeyObject | X509Certificate | string;

export interface DccSigner {
  /** The ES256 (P-256) private key. */
  privateKey: KeyObject;
  /** The document signer certificate; when present the kid is derived from it, as gateways expect. */
  certificate?: X509Certificate;
}

export interface ResolvedVerificationKey {
  publicKey: KeyObject;
  kid: Uint8Array;
  certificate?: X509Certificate;
}

/** The DCC key id: the first 8 bytes of SHA-256 over the certificate DER, or over the SPKI of a bare key. */
export function dccKeyId(source: X509Certificate | KeyObject): Uint8Array {
  const der = source instanceof X509Certificate ? source.raw : (publicOf(source).export({ type: 'spki', format: 'der' }) as Buffer);
  return new Uint8Array(createHash('sha256').update(der).digest().subarray(0, 8));
}

export function resolveVerificationKey(key: DccVerificationKey): ResolvedVerificationKey {
  if (typeof key === 'string') return resolveVerificationKey(parseCertificate(key));
  if (key instanceof X509Certificate) {
    assertP256(key.publicKey);
    return { publicKey: key.publicKey, kid: dccKeyId(key), certificate: key };
  }
  const publicKey = publicOf(key);
  assertP256(publicKey);
  return { publicKey, kid: dccKeyId(publicKey) };
}

export function signerKeyId(signer: DccSigner): Uint8Array {
  assertP256(signer.privateKey);
  if (signer.certificate) {
    if (!signer.certificate.publicKey.equals(createPublicKey(signer.privateKey))) {
      throw new DccError('key_mismatch', 'the certificate does not belong to the private key');
    }
    return dccKeyId(signer.certificate);
  }
  return dccKeyId(signer.privateKey);
}

function parseCertificate(text: string): X509Certificate {
  const trimmed = text.trim();
  try {
    return new X509Certificate(trimmed.startsWith('-----BEGIN') ? trimmed : Buffer.from(trimmed, 'base64'));
  } catch (cause) {
    throw new DccError('malformed', 'the verification certificate cannot be parsed', { cause });
  }
}

function publicOf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

function assertP256(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new DccError('unsupported_algorithm', 'only ES256 (P-256) keys are supported');
  }
}
