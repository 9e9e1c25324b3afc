import type { PublicJwk } from './issuer-directory';
import { subjectPublicKeyInfo } from './signer-certificate.util';

export async function importVerifyKey(jwk: PublicJwk): Promise<CryptoKey> {
  const { kty, crv, x, y } = jwk;
  return crypto.subtle.importKey('jwk', { kty, crv, x, y }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
}

/** ES256 with a raw 64-byte r‖s signature, as COSE and JWS both carry it. */
export function verifyEs256(key: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature as BufferSource, data as BufferSource);
}

/** The DCC key id of a bare key: the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo. */
export async function dccKeyId(key: CryptoKey): Promise<Uint8Array> {
  const spki = await crypto.subtle.exportKey('spki', key);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).slice(0, 8);
}

/** The public key of a Document Signer Certificate (DER). */
export function importCertificateKey(certificate: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', subjectPublicKeyInfo(certificate) as BufferSource, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
}

/** The DCC key id of a certificate: the first 8 bytes of SHA-256 over its DER (the EU rule). */
export async function certificateKeyId(certificate: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', certificate as BufferSource)).slice(0, 8);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
