import { sign, verify, type KeyObject } from 'node:crypto';
import { Tag, encode } from 'cbor2';
import { COSE_ALG_ES256, COSE_SIGN1_TAG, HEADER_ALG, HEADER_KID, coseAlgorithm, plainBytes, sigStructure } from './cose-structure';
import type { CoseSign1 } from './cose-structure';
import { DccError } from './dcc-error';

export { COSE_ALG_ES256, coseAlgorithm, coseKeyId, decodeCoseSign1, plainBytes, type CoseHeader, type CoseSign1 } from './cose-structure';

/** COSE_Sign1 with ES256: protected `{1: -7, 4: kid}`, empty unprotected header, raw r||s signature. */
export function signCoseSign1(payload: Uint8Array, privateKey: KeyObject, kid: Uint8Array): Uint8Array {
  const protectedBytes = encode(
    new Map<number, unknown>([
      [HEADER_ALG, COSE_ALG_ES256],
      [HEADER_KID, plainBytes(kid)],
    ]),
  );
  const signature = sign('sha256', sigStructure(protectedBytes, payload), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return encode(new Tag(COSE_SIGN1_TAG, [protectedBytes, new Map(), plainBytes(payload), plainBytes(signature)]));
}

export function verifyCoseSign1(message: CoseSign1, publicKey: KeyObject): boolean {
  if (coseAlgorithm(message) !== COSE_ALG_ES256) {
    throw new DccError('unsupported_algorithm', 'only ES256 COSE signatures are supported');
  }
  if (message.signature.length !== 64) return false;
  return verify('sha256', sigStructure(message.protectedBytes, message.payload), { key: publicKey, dsaEncoding: 'ieee-p1363' }, message.signature);
}
