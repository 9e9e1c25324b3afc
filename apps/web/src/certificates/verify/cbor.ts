/**
 * The small part of CBOR (RFC 8949) a DCC needs, for the browser: the server libs use cbor2 and
 * node:zlib, which a web page cannot load. Decodes definite-length items; encodes Sig_structure.
 */
export type CborValue = number | bigint | string | boolean | null | undefined | Uint8Array | CborValue[] | Map<CborValue, CborValue> | CborTagged;

export class CborTagged {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export class CborError extends Error {
  override readonly name = 'CborError';
}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const value = readItem(reader);
  if (reader.offset !== bytes.length) throw new CborError('trailing bytes');
  return value;
}

interface Reader {
  bytes: Uint8Array;
  view: DataView;
  offset: number;
}

function need(reader: Reader, length: number): void {
  if (reader.offset + length > reader.bytes.length) throw new CborError('truncated');
}

function readArgument(reader: Reader, info: number): number | bigint {
  if (info < 24) return info;
  const sizes: Record<number, number> = { 24: 1, 25: 2, 26: 4, 27: 8 };
  const size = sizes[info];
  if (!size) throw new CborError('indefinite lengths are not supported');
  need(reader, size);
  const at = reader.offset;
  reader.offset += size;
  if (size === 1) return reader.view.getUint8(at);
  if (size === 2) return reader.view.getUint16(at);
  if (size === 4) return reader.view.getUint32(at);
  const big = reader.view.getBigUint64(at);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function length(reader: Reader, info: number): number {
  const value = readArgument(reader, info);
  if (typeof value !== 'number') throw new CborError('length too large');
  return value;
}

function readItem(reader: Reader): CborValue {
  need(reader, 1);
  const initial = reader.bytes[reader.offset++]!;
  const major = initial >> 5;
  const info = initial & 0x1f;
  switch (major) {
    case 0:
      return readArgument(reader, info);
    case 1: {
      const value = readArgument(reader, info);
      return typeof value === 'number' ? -1 - value : -1n - value;
    }
    case 2: {
      const size = length(reader, info);
      need(reader, size);
      const slice = reader.bytes.slice(reader.offset, reader.offset + size);
      reader.offset += size;
      return slice;
    }
    case 3: {
      const size = length(reader, info);
      need(reader, size);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(reader.bytes.subarray(reader.offset, reader.offset + size));
      reader.offset += size;
      return text;
    }
    case 4: {
      const size = length(reader, info);
      const items: CborValue[] = [];
      for (let i = 0; i < size; i += 1) items.push(readItem(reader));
      return items;
    }
    case 5: {
      const size = length(reader, info);
      const map = new Map<CborValue, CborValue>();
      for (let i = 0; i < size; i += 1) map.set(readItem(reader), readItem(reader));
      return map;
    }
    case 6:
      return new CborTagged(length(reader, info), readItem(reader));
    default:
      return readSimple(reader, info);
  }
}

function readSimple(reader: Reader, info: number): CborValue {
  if (info === 20) return false;
  if (info === 21) return true;
  if (info === 22) return null;
  if (info === 23) return undefined;
  const at = reader.offset;
  if (info === 25) {
    need(reader, 2);
    reader.offset += 2;
    return halfFloat(reader.view.getUint16(at));
  }
  if (info === 26) {
    need(reader, 4);
    reader.offset += 4;
    return reader.view.getFloat32(at);
  }
  if (info === 27) {
    need(reader, 8);
    reader.offset += 8;
    return reader.view.getFloat64(at);
  }
  throw new CborError('unsupported simple value');
}

function halfFloat(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function head(major: number, value: number): number[] {
  if (value < 24) return [(major << 5) | value];
  if (value < 0x100) return [(major << 5) | 24, value];
  if (value < 0x10000) return [(major << 5) | 25, value >> 8, value & 0xff];
  return [(major << 5) | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** COSE Sig_structure for COSE_Sign1 (RFC 9052 §4.4): ["Signature1", protected, external_aad, payload]. */
export function encodeSigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode('Signature1');
  const parts = [
    Uint8Array.of(0x84),
    Uint8Array.from(head(3, context.length)),
    context,
    Uint8Array.from(head(2, protectedHeader.length)),
    protectedHeader,
    Uint8Array.of(0x40),
    Uint8Array.from(head(2, payload.length)),
    payload,
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
