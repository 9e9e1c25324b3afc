/** Every refusal the function answers; the HTTP layer maps the code to a status in one place. */
export enum CertificateProblemCode {
  InvalidRequest = 'certificate.invalid_request',
  /** Wrong personal data, unknown secret, or any altered byte: one answer on purpose. */
  DetailsMismatch = 'certificate.details_mismatch',
  SignatureInvalid = 'certificate.signature_invalid',
  Expired = 'certificate.expired',
  NotFound = 'certificate.not_found',
  MethodNotAllowed = 'certificate.method_not_allowed',
  RateLimited = 'certificate.rate_limited',
  /** The issuer's key set could not be fetched and none is cached. */
  IssuerUnavailable = 'certificate.issuer_unavailable',
  Internal = 'certificate.internal',
}

/** A field that failed validation; the value itself is never echoed. */
export interface CertificateFieldProblem {
  field: string;
  message: string;
}

export class CertificateException extends Error {
  override readonly name = 'CertificateException';

  constructor(
    readonly code: CertificateProblemCode,
    message: string,
    readonly errors?: CertificateFieldProblem[],
    /** Seconds, for `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
