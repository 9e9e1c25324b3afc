export type DccErrorCode =
  /** Not an HC1 string, or base45, zlib, CBOR or COSE structure is broken. */
  | 'malformed'
  /** The COSE algorithm is not ES256. */
  | 'unsupported_algorithm'
  /** The key id in the message is not the given key's. */
  | 'key_mismatch'
  /** The signature does not verify with the given key. */
  | 'signature_invalid'
  /** The certificate has expired (claim 4), or the signing certificate is outside its validity. */
  | 'expired'
  /** Issued (claim 6) after the verification time. */
  | 'not_yet_valid';

export class DccError extends Error {
  override readonly name = 'DccError';

  constructor(
    readonly code: DccErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
