export type CertificateTokenErrorCode =
  /**
   * The personal data does not match, or the token does not decrypt for any other reason. One code
   * on purpose: a caller must not learn which field was wrong, or whether the token was altered.
   */
  | 'details_mismatch'
  /** Decrypted, but the inner JWT is not signed by a key of the tenant's key set (or by another issuer). */
  | 'signature_invalid'
  /** Decrypted and signed, but past its expiry. */
  | 'expired'
  /** Not a certificate token at all: wrong shape, header or algorithms. */
  | 'malformed';

export class CertificateTokenError extends Error {
  override readonly name = 'CertificateTokenError';

  constructor(
    readonly code: CertificateTokenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
