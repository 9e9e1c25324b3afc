import { CERTIFICATE_LOCALES, CertificateRequest as CertificateRequestContract, type Payload } from '@vaccinate/api-contracts';
import { CertificateException, CertificateProblemCode } from './certificate.exception';

export { CERTIFICATE_LOCALES };
export type CertificateLocale = (typeof CERTIFICATE_LOCALES)[number];

/** A request as the routes use it: the contract's type, the locale settled. */
export type CertificateRequest = Omit<Payload<typeof CertificateRequestContract>, 'locale'> & { locale: CertificateLocale };

/** Validates a request body with the shared contract; the 400 answer lists the fields, never their values. */
export function parseCertificateRequest(body: unknown): CertificateRequest {
  const result = CertificateRequestContract.validate(body);
  if (!result.ok) throw new CertificateException(CertificateProblemCode.InvalidRequest, 'The request has invalid fields.', result.problems);
  return { ...result.value, locale: result.value.locale ?? 'de' };
}
