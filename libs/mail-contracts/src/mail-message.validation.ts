import { z } from 'zod';
import {
  CERTIFICATE_MAIL_TEMPLATE,
  DEFAULT_MAIL_TIME_ZONE,
  MAIL_LOCALES,
  MAIL_TEMPLATES,
  type MailFieldProblem,
  type ValidSendMailRequest,
} from './mail-message';

// No value from the request is ever put into a message: they are names and addresses.
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CONTENT_TYPE = /^[a-zA-Z0-9][\w.+-]*\/[a-zA-Z0-9][\w.+-]*(\s*;\s*[\w.+-]+=("[^"\r\n]*"|[\w.+-]+))*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** Keeps a request, attachments included, well under the mailer's 10 MB body limit. */
const MAX_ATTACHMENT_BASE64 = 5 * 1024 * 1024;

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must be a single line without control characters');

const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const color = z.string().regex(HEX_COLOR, 'must be a color like #1a2b3c');

const timeZone = z
  .string()
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin');

const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone offset' });

const appointment = z
  .object({
    doseNumber: z.number().int('must be a whole number').min(1).max(20),
    startsAt: isoInstant,
    endsAt: isoInstant,
    siteName: singleLine(200),
    siteAddress: singleLine(300),
    status: z.enum(['booked', 'cancelled'], { message: 'must be booked or cancelled' }),
  })
  .refine((value) => Date.parse(value.endsAt) > Date.parse(value.startsAt), {
    message: 'must end after it starts',
    path: ['endsAt'],
  });

const attachment = z.object({
  filename: singleLine(200).refine((value) => !/[\\/]/.test(value), 'must be a file name without a path'),
  contentType: z.string().max(200).regex(CONTENT_TYPE, 'must be a MIME type such as text/calendar'),
  contentBase64: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_ATTACHMENT_BASE64, 'is too large')
    .refine((value) => value.length % 4 === 0 && BASE64.test(value), 'must be base64'),
});

const sendMailRequestSchema = z.object({
  template: z.enum(MAIL_TEMPLATES, { message: `must be one of ${MAIL_TEMPLATES.join(', ')}` }),
  locale: z.enum(MAIL_LOCALES, { message: `must be one of ${MAIL_LOCALES.join(', ')}` }),
  tenant: z.object({
    displayName: singleLine(120),
    publicUrl: httpUrl,
    timeZone: timeZone.default(DEFAULT_MAIL_TIME_ZONE),
    branding: z.object({
      primaryColor: color,
      accentColor: color,
      logoUrl: httpUrl.optional(),
    }),
  }),
  to: z.object({
    email: z.email({ message: 'must be an e-mail address' }).max(254, 'must be an e-mail address'),
    name: singleLine(200),
  }),
  // Checked against the template's own schema once the template is known (see below).
  data: z.unknown(),
  attachments: z.array(attachment).max(10, 'must be at most 10 attachments').optional(),
});

const bookingDataSchema = z.object({
    bookingCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be 4 to 40 letters, digits or hyphens'),
    productName: singleLine(200),
    appointments: z.array(appointment).min(1, 'must list at least one appointment').max(10, 'must list at most 10'),
    manageUrl: httpUrl,
    reason: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters').optional(),
});

const certificateDataSchema = z.object({
  // The token makes the link long (a few KB); it sits in the fragment.
  certificateUrl: z.string().max(20_000, 'is too long').refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash.length > 1;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL carrying the token in the fragment, not the query'),
  productName: singleLine(200),
  doseNumber: z.number().int('must be a whole number').min(1).max(20),
  seriesDoses: z.number().int('must be a whole number').min(1).max(20),
  vaccinationDate: z.iso.date({ message: 'must be a date YYYY-MM-DD' }),
  validUntil: isoInstant,
  replacesEarlier: z.boolean({ message: 'must be true or false' }),
});

export type SendMailRequestValidation =
  | { ok: true; value: ValidSendMailRequest }
  | { ok: false; errors: MailFieldProblem[] };

/**
 * Validates a `POST /v1/messages` body. The API can run it before it writes an outbox row, so a
 * message the mailer would refuse is caught in the request that made it.
 */
export function validateSendMailRequest(body: unknown): SendMailRequestValidation {
  const parsed = sendMailRequestSchema.safeParse(body);
  if (!parsed.success && (body === null || typeof body !== 'object')) return { ok: false, errors: problemsOf(parsed.error.issues) };
  const template = (body as { template?: unknown } | null)?.template;
  const dataSchema = template === CERTIFICATE_MAIL_TEMPLATE ? certificateDataSchema : bookingDataSchema;
  const data = dataSchema.safeParse((body as { data?: unknown } | null)?.data);
  if (parsed.success && data.success) {
    // The data was checked against the schema its template selects, which the types cannot follow.
    return { ok: true, value: { ...parsed.data, data: data.data } as ValidSendMailRequest };
  }
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...(data.success ? [] : data.error.issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] })))];
  return { ok: false, errors: problemsOf(issues) };
}

function problemsOf(issues: z.core.$ZodIssue[]): MailFieldProblem[] {
  return issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.code === 'invalid_type' ? typeMessage(issue.expected, issue.message) : issue.message,
  }));
}

/** Zod reports what it received only by type name; a missing field reads as `undefined`. */
function typeMessage(expected: string, zodMessage: string): string {
  return zodMessage.endsWith('received undefined') ? 'is required' : `must be of type ${expected}`;
}
