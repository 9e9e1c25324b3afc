import type { FieldKeyRing } from './field-key-ring';

/**
 * One encrypted column: it knows the context its values are sealed to, so call sites never spell
 * a context. The ciphertext is exactly what `FieldKeyRing.encrypt(value, context)` writes.
 */
export class FieldCodec {
  constructor(readonly context: string) {}

  encrypt(ring: FieldKeyRing, plaintext: string): string {
    return ring.encrypt(plaintext, this.context);
  }

  decrypt(ring: FieldKeyRing, ciphertext: string): string {
    return ring.decrypt(ciphertext, this.context);
  }

  /** Null, undefined and '' are stored as null, so "no phone" is not a ciphertext. */
  encryptOptional(ring: FieldKeyRing, plaintext: string | null | undefined): string | null {
    return plaintext === null || plaintext === undefined || plaintext === '' ? null : this.encrypt(ring, plaintext);
  }

  decryptOptional(ring: FieldKeyRing, ciphertext: string | null): string | null {
    return ciphertext === null ? null : this.decrypt(ring, ciphertext);
  }
}

/** An encrypted column with a blind index for exact lookups; the index is taken of the normalised value. */
export class IndexedFieldCodec extends FieldCodec {
  constructor(
    context: string,
    readonly normalize: (value: string) => string,
  ) {
    super(context);
  }

  /** The lookup token to store beside the ciphertext, under the current key. */
  blindIndex(ring: FieldKeyRing, value: string): string {
    return ring.blindIndex(this.normalize(value), this.context);
  }

  /** The tokens to look the value up by under every configured key (mid-rotation). */
  blindIndexCandidates(ring: FieldKeyRing, value: string): string[] {
    return ring.blindIndexCandidates(this.normalize(value), this.context);
  }
}
