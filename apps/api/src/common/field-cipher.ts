import type { FieldKeyRing } from '@vaccinate/field-encryption';

/** Injection token of the tenant's FieldKeyRing. */
export const FIELD_CIPHER = Symbol('FIELD_CIPHER');

/** Encrypts an optional value; null stays null so "no phone" is not a ciphertext. */
export function encryptOptional(ring: FieldKeyRing, value: string | null | undefined, context: string): string | null {
  return value === null || value === undefined || value === '' ? null : ring.encrypt(value, context);
}

export function decryptOptional(ring: FieldKeyRing, value: string | null, context: string): string | null {
  return value === null ? null : ring.decrypt(value, context);
}
