import { createHash } from 'node:crypto';

/**
 * The SMART Health Card's `vc.rid` for a certificate: 64 bits of SHA-256 over its UVCI, so the
 * revocation list can name it without storing anything more. Both ids are random and name nobody.
 */
export function shcRevocationId(certificateId: string): string {
  return createHash('sha256').update(`vaccinate shc rid v1\0${certificateId}`).digest().subarray(0, 8).toString('base64url');
}
