import { CERTIFICATE_LOCALES, CertificateRequest as CertificateRequestContract } from '@vaccinate/api-contracts';
import type { PersonalData } from '@vaccinate/certificate-token';
import { CertificateException, CertificateProblemCode } from './certificate.exception';

export { CERTIFICATE_LOCALES };
export type CertificateLocale = (typeof CERTIFICATE_LOCALES)[number];

/** A request as the routes use it: declared in `@vaccinate/api-contracts`, the locale settled. */
export interface CertificateRequest {
  token: string;
  personalData: PersonalData;
  locale: CertificateLocale;
}

/** Validates a request body with the shared contract; the 400 answer lists the fields, never their values. */
export function parseCertificateRequest(body: unknown): CertificateRequest {
  const result = CertificateRequestContract.validate(body);
  if (!result.ok) throw new CertificateException(CertificateProblemCode.InvalidRequest, 'The request has invalid fields.', result.problems);
  return { ...result.value, locale: result.value.locale ?? 'de' };
}
