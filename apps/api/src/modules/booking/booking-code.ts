import { createHash, randomBytes, randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to misread when spoken or typed.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short code staff can type or scan at check-in, e.g. `7KQ4-M2XD`. */
export function newBookingCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The secret in the person's manage link; only its hash is stored for lookups. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
