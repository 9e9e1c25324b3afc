import type { CertificateRequest } from '@vaccinate/api-contracts';

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

export async function requestCertificate(format: CertificateFormat, body: CertificateRequestBody, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchImpl(PATHS[format], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new CertificateRequestError('unavailable');
  }
  if (response.ok) return response.blob();
  const problem = (await response.json().catch(() => ({}))) as { code?: string };
  throw new CertificateRequestError(FAILURES[problem.code ?? ''] ?? 'unavailable');
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
