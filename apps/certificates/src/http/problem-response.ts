import type { ServerResponse } from 'node:http';
import { CertificateException, CertificateProblemCode, type CertificateFieldProblem } from '../certificate/certificate.exception';

/** RFC 9457 problem details as the function answers them. Never carries personal data. */
export interface CertificateProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: CertificateProblemCode;
  requestId: string;
  errors?: CertificateFieldProblem[];
}

/** The one place that maps certificate exception codes to HTTP. */
const STATUS: Record<CertificateProblemCode, { status: number; title: string }> = {
  [CertificateProblemCode.InvalidRequest]: { status: 400, title: 'Invalid request' },
  [CertificateProblemCode.NotFound]: { status: 404, title: 'Not found' },
  [CertificateProblemCode.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
  [CertificateProblemCode.PayloadTooLarge]: { status: 413, title: 'Request too large' },
  [CertificateProblemCode.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [CertificateProblemCode.DetailsMismatch]: { status: 422, title: 'These details do not match' },
  [CertificateProblemCode.SignatureInvalid]: { status: 422, title: 'The certificate signature is not valid' },
  [CertificateProblemCode.Expired]: { status: 422, title: 'The certificate link has expired' },
  [CertificateProblemCode.RateLimited]: { status: 429, title: 'Too many attempts' },
  [CertificateProblemCode.Internal]: { status: 500, title: 'Internal error' },
  [CertificateProblemCode.IssuerUnavailable]: { status: 503, title: 'Issuer unavailable' },
};

export function statusOf(code: CertificateProblemCode): number {
  return STATUS[code].status;
}

export function sendProblem(response: ServerResponse, exception: CertificateException, requestId: string): void {
  const { status, title } = STATUS[exception.code];
  const problem: CertificateProblem = {
    type: `https://vaccinate.example/problems/${exception.code}`,
    title,
    status,
    detail: exception.message,
    code: exception.code,
    requestId,
    ...(exception.errors ? { errors: exception.errors } : {}),
  };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (exception.retryAfterSeconds !== undefined) headers['retry-after'] = String(exception.retryAfterSeconds);
  if (status === 405) headers['allow'] = 'POST';
  sendBody(response, status, JSON.stringify(problem), headers);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendBody(response, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** Every answer is private to its holder: never stored by a cache, never sniffed into another type. */
export function sendBody(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  response.writeHead(status, {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
