import type { CertificateLinkRequest, CertificateLinkToken, CertificateRequest } from '@vaccinate/api-contracts';
import { ApiClient } from '../shared/api/api-client';
import { ApiProblemError } from '../shared/api/api-error';

/** The three answers of the certificates function, all from the same token and personal data. */
export type CertificateFormat = 'pdf' | 'smart-health-card' | 'fhir';

/** The contract's request; the page always names the reader's language. */
export type CertificateRequestBody = CertificateRequest & Required<Pick<CertificateRequest, 'locale'>>;

export type CertificateFailure = 'mismatch' | 'expired' | 'rateLimited' | 'notSigned' | 'unavailable';

export class CertificateRequestError extends Error {
  override readonly name = 'CertificateRequestError';
  constructor(readonly failure: CertificateFailure) {
    super(failure);
  }
}

/** Same origin: the ingress (or the local gateway) routes `/v1/certificates/*` to the function. */
const PATHS: Record<CertificateFormat, string> = {
  pdf: '/v1/certificates/pdf',
  'smart-health-card': '/v1/certificates/smart-health-card',
  fhir: '/v1/certificates/fhir',
};

const FAILURES: Record<string, CertificateFailure> = {
  'certificate.details_mismatch': 'mismatch',
  // A token that does not parse is as much a mismatch to the holder as a wrong name.
  'certificate.invalid_request': 'mismatch',
  'certificate.expired': 'expired',
  'certificate.rate_limited': 'rateLimited',
  'certificate.signature_invalid': 'notSigned',
};

/** The function sits beside the API on the same origin, without a token: the request itself opens the certificate. */
const sameOrigin = new ApiClient({ baseUrl: '', getAccessToken: () => null });

export async function requestCertificate(format: CertificateFormat, body: CertificateRequestBody, api: ApiClient = sameOrigin): Promise<Blob> {
  try {
    return await api.blob(PATHS[format], { body }, 'POST');
  } catch (error) {
    throw new CertificateRequestError(error instanceof ApiProblemError ? (FAILURES[error.code] ?? 'unavailable') : 'unavailable');
  }
}

/** The certificate mail's short link: the tenant API gives the token its reference stands for. */
export function exchangeCertificateReference(api: ApiClient, reference: string): Promise<CertificateLinkToken> {
  const body: CertificateLinkRequest = { reference };
  return api.post<CertificateLinkToken>('/certificates/links', body);
}

export const DOWNLOAD_NAMES: Record<CertificateFormat, Record<'de' | 'en', string>> = {
  pdf: { de: 'impfzertifikat.pdf', en: 'vaccination-certificate.pdf' },
  'smart-health-card': { de: 'impfzertifikat.smart-health-card', en: 'vaccination.smart-health-card' },
  fhir: { de: 'impfungen.fhir.json', en: 'immunizations.fhir.json' },
};

/** Hands a file to the browser's download without a server round trip. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
