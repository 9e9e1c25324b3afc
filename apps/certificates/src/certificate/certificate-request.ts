import { isIsoDate, type PersonalData } from '@vaccinate/certificate-token';
import { z } from 'zod';
import { CertificateException, CertificateProblemCode } from './certificate.exception';

export const CERTIFICATE_LOCALES = ['de', 'en'] as const;
export type CertificateLocale = (typeof CERTIFICATE_LOCALES)[number];

/** What the holder's browser sends to every certificate route. */
export interface CertificateRequest {
  token: string;
  personalData: PersonalData;
  locale: CertificateLocale;
}

const NAME = z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters');

const requestSchema = z.object({
  // A compact JWE: five base64url parts. Its header is checked when it is opened.
  token: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(16_000, 'is too long')
    .regex(/^[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){4}$/, 'is not a certificate token'),
  personalData: z.object(
    {
      familyName: NAME,
      givenName: NAME,
      birthDate: z.string({ error: 'is required' }).trim().refine(isIsoDate, 'must be a date YYYY-MM-DD'),
    },
    { error: 'is required' },
  ),
  locale: z.enum(CERTIFICATE_LOCALES, { error: 'must be de or en' }).default('de'),
});

/** Validates a request body; the 400 answer lists the fields, never their values. */
export function parseCertificateRequest(body: unknown): CertificateRequest {
  const parsed = requestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  throw new CertificateException(CertificateProblemCode.InvalidRequest, 'The request has invalid fields.', errors);
}
