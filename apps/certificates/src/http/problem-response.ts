import { activeTraceId } from '@vaccinate/http-edge';
import { CertificateProblemCode, type CertificateException, type CertificateFieldProblem } from '../certificate/certificate.exception';

/** RFC 9457 problem details as the function answers them. Never carries personal data. */
export interface CertificateProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: CertificateProblemCode;
  requestId: string;
  /** W3C trace id of the request, when tracing is on. */
  traceId?: string;
  errors?: CertificateFieldProblem[];
}

/** Every answer is private to its holder: never stored by a cache, never sniffed into another type. */
export const PRIVATE_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The one place that maps certificate exception codes to HTTP. */
const STATUS: Record<CertificateProblemCode, { status: number; title: string }> = {
  [CertificateProblemCode.InvalidRequest]: { status: 400, title: 'Invalid request' },
  [CertificateProblemCode.NotFound]: { status: 404, title: 'Not found' },
  [CertificateProblemCode.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
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

export function problemOf(exception: CertificateException, requestId: string): CertificateProblem {
  const { status, title } = STATUS[exception.code];
  const traceId = activeTraceId();
  return {
    type: `https://vaccinate.example/problems/${exception.code}`,
    title,
    status,
    detail: exception.message,
    code: exception.code,
    requestId,
    ...(traceId ? { traceId } : {}),
    ...(exception.errors ? { errors: exception.errors } : {}),
  };
}
