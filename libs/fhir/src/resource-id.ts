import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 4122 version 5, SHA-1) in `namespace`: the same certificate gives the same
 * file every time, and entries reference each other by `urn:uuid:` without a database.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(namespace).update('\u0000').update(name).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function urnUuid(uuid: string): string {
  return `urn:uuid:${uuid}`;
}
