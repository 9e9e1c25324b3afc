import { Tag, decode, encode } from 'cbor2';
import { DccError } from './dcc-error';

// Reading a COSE_Sign1 needs CBOR only, no node:crypto: pages verify codes with Web Crypto.

/** COSE (RFC 9052) constants used by the DCC. */
export const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;
export const HEADER_ALG = 1;
export const HEADER_KID = 4;
export const COSE_ALG_ES256 = -7;

export type CoseHeader = Map<number, unknown>;

export interface CoseSign1 {
  /** The protected header exactly as signed (a CBOR-encoded map inside a byte string). */
  protectedBytes: Uint8Array;
  protectedHeader: CoseHeader;
  unprotectedHeader: CoseHeader;
  payload: Uint8Array;
  signature: Uint8Array;
}

export function decodeCoseSign1(bytes: Uint8Array): CoseSign1 {
  let value: unknown;
  try {
    value = decode(plainBytes(bytes));
  } catch (cause) {
    throw new DccError('malformed', 'the COSE message is not valid CBOR', { cause });
  }
  // Tag 18 is optional on the wire, and some issuers wrap it in a CWT tag.
  if (value instanceof Tag && value.tag === CWT_TAG) value = value.contents;
  if (value instanceof Tag && value.tag === COSE_SIGN1_TAG) value = value.contents;
  if (!Array.isArray(value) || value.length !== 4) throw new DccError('malformed', 'not a COSE_Sign1 structure');
  const [protectedBytes, unprotected, payload, signature] = value as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    throw new DccError('malformed', 'COSE_Sign1 fields have the wrong types');
  }
  return {
    protectedBytes,
    protectedHeader: protectedBytes.length === 0 ? new Map() : headerMap(decodeOrMalformed(protectedBytes)),
    unprotectedHeader: headerMap(unprotected),
    payload,
    signature,
  };
}

/** The algorithm and key id, from the protected header first as RFC 9052 prefers. */
export function coseAlgorithm(message: CoseSign1): unknown {
  return message.protectedHeader.get(HEADER_ALG) ?? message.unprotectedHeader.get(HEADER_ALG);
}

export function coseKeyId(message: CoseSign1): Uint8Array | undefined {
  const kid = message.protectedHeader.get(HEADER_KID) ?? message.unprotectedHeader.get(HEADER_KID);
  return kid instanceof Uint8Array ? kid : undefined;
}

/** Sig_structure = ["Signature1", body_protected, external_aad (empty), payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', plainBytes(protectedBytes), new Uint8Array(), plainBytes(payload)]);
}

/**
 * cbor2 encodes a Node Buffer through its toJSON() as a map, not as a byte string, and decodes
 * Buffer input into Buffer slices: every byte string crossing the CBOR boundary goes through here.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeOrMalformed(bytes: Uint8Array): unknown {
  try {
    return decode(plainBytes(bytes));
  } catch (cause) {
    throw new DccError('malformed', 'the COSE protected header is not valid CBOR', { cause });
  }
}

function headerMap(value: unknown): CoseHeader {
  if (value instanceof Map) return value as CoseHeader;
  // cbor2 returns an empty map, or one with only text keys, as a plain object.
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    return new Map();
  }
  throw new DccError('malformed', 'a COSE header is not a map');
}

/** A CBOR item, such as the claims inside a COSE payload. */
export function decodeCbor(bytes: Uint8Array): unknown {
  return decode(plainBytes(bytes));
}
