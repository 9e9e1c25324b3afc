export type ShcErrorCode =
  /** Not a `shc:/` QR text or compact JWS, or the payload does not inflate or parse. */
  | 'malformed'
  /** No key with the JWS `kid` among the given keys. */
  | 'key_mismatch'
  /** The signature does not verify. */
  | 'signature_invalid'
  /** The `iss` claim is not the expected issuer. */
  | 'issuer_mismatch'
  /** The JWS is too long for a single QR code. */
  | 'too_large';

export class ShcError extends Error {
  override readonly name = 'ShcError';

  constructor(
    readonly code: ShcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
