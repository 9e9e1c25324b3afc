/**
 * The mailer's HTTP contract, declared once with the API's contracts: each schema gives the type,
 * the compiled check and the JSON Schema. The API's outbox worker posts a `SendMailRequest` to
 * `POST /v1/messages` and treats 202 as delivered, 4xx as permanent (dead-letter at once) and
 * 5xx as retryable.
 */

import { contract, Email, ERROR_MESSAGE, IsoDate, OneOf, SingleLine, Strict, Text, Trimmed, Type, type Payload, type Static } from '@vaccinate/api-contracts';
import { MAIL_FORMAT } from './mail-formats';

export const MAILER_MESSAGES_PATH = '/v1/messages';
/**
 * The request header naming a message once per tenant: the mailer sends a message under a key it
 * has sent before only once, so a caller may retry a delivery whose answer it never saw.
 */
export const MAILER_IDEMPOTENCY_HEADER = 'idempotency-key';

export const BOOKING_MAIL_TEMPLATES = [
  'booking-confirmation',
  'booking-changed',
  'booking-cancelled',
  'appointment-reminder',
  'standby-offer',
  /** After a visit on site (a walk-in, or a next dose booked at check-out): what was done and the next appointment, if any. */
  'visit-summary',
] as const;
export type BookingMailTemplate = (typeof BOOKING_MAIL_TEMPLATES)[number];

/** The vaccination certificate link (a new dose, a request, or a replacement after a correction). */
export const CERTIFICATE_MAIL_TEMPLATE = 'certificate-issued';

/** The waiting list took a registration: the tracking code and the status page, kept beyond the screen that showed them. */
export const REGISTRATION_MAIL_TEMPLATE = 'registration-received';

/** A staff account's link to set a password: the first one (an admin's invitation) or a new one (a forgotten password). */
export const STAFF_MAIL_TEMPLATES = ['staff-invitation', 'password-reset'] as const;
export type StaffMailTemplate = (typeof STAFF_MAIL_TEMPLATES)[number];

/** A person asked for their data: the single-use link that opens it. */
export const DATA_ACCESS_MAIL_TEMPLATE = 'data-access-link';

export const MAIL_TEMPLATES = [
  ...BOOKING_MAIL_TEMPLATES,
  CERTIFICATE_MAIL_TEMPLATE,
  REGISTRATION_MAIL_TEMPLATE,
  ...STAFF_MAIL_TEMPLATES,
  DATA_ACCESS_MAIL_TEMPLATE,
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export const MAIL_LOCALES = ['de', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export const DEFAULT_MAIL_TIME_ZONE = 'Europe/Berlin';

// No value from a request is ever put into a problem: they are names and addresses.
const HEX_COLOR = '^#[0-9a-fA-F]{6}$';
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const CONTENT_TYPE = '^[a-zA-Z0-9][\\w.+-]*/[a-zA-Z0-9][\\w.+-]*(\\s*;\\s*[\\w.+-]+=("[^"\\r\\n]*"|[\\w.+-]+))*$';
/** Keeps a request, attachments included, well under the mailer's 10 MB body limit. */
const MAX_ATTACHMENT_BASE64 = 5 * 1024 * 1024;

const HttpUrl = () => Text('must be an http(s) URL', { format: MAIL_FORMAT.httpUrl, maxLength: 2000 });
const Color = () => Text('must be a color like #1a2b3c', { pattern: HEX_COLOR });
const Instant = () => Text('must be an ISO 8601 date-time with a time zone offset', { format: 'date-time' });
const DoseNumber = () => Type.Integer({ minimum: 1, maximum: 20 });

export const MailBranding = Strict({
  primaryColor: Color(),
  accentColor: Color(),
  logoUrl: Type.Optional(HttpUrl()),
});
export type MailBranding = Static<typeof MailBranding>;

export const MailTenant = Strict({
  displayName: SingleLine(120),
  publicUrl: HttpUrl(),
  timeZone: Type.Optional(
    Text('must be an IANA time zone such as Europe/Berlin', { format: MAIL_FORMAT.timeZone, maxLength: 64, description: `${DEFAULT_MAIL_TIME_ZONE} when absent` }),
  ),
  branding: MailBranding,
});
export type MailTenant = Static<typeof MailTenant>;

export const MailRecipient = Strict({ email: Email(), name: SingleLine(200) });
export type MailRecipient = Static<typeof MailRecipient>;

export const MailAppointment = Strict({
  doseNumber: DoseNumber(),
  startsAt: Instant(),
  endsAt: Instant(),
  siteName: SingleLine(200),
  siteAddress: SingleLine(300),
  status: OneOf(['booked', 'cancelled']),
});
export type MailAppointment = Static<typeof MailAppointment>;

/** The data every booking template takes. */
export const BookingMailData = Strict({
  bookingCode: Trimmed({ pattern: '^[A-Za-z0-9-]{4,40}$', [ERROR_MESSAGE]: 'must be 4 to 40 letters, digits or hyphens' }),
  productName: SingleLine(200),
  appointments: Type.Array(MailAppointment, { minItems: 1, maxItems: 10 }),
  manageUrl: Type.String({ ...HttpUrl(), description: 'The manage-booking link (cancel, rebook); it carries the manage token' }),
  reason: Type.Optional(Trimmed({ minLength: 1, maxLength: 1000, description: 'Why appointments were cancelled or changed' })),
});
export type BookingMailData = Static<typeof BookingMailData>;

export const MailAttachment = Strict({
  filename: Type.String({
    ...SingleLine(200),
    pattern: '^[^\\u0000-\\u001f\\u007f\\\\/]*$',
    [ERROR_MESSAGE]: 'must be a file name without a path or control characters',
  }),
  contentType: Text('must be a MIME type such as text/calendar', { maxLength: 200, pattern: CONTENT_TYPE }),
  contentBase64: Text('must be base64', { minLength: 1, maxLength: MAX_ATTACHMENT_BASE64, pattern: BASE64 }),
});
export type MailAttachment = Static<typeof MailAttachment>;

/** The data of `certificate-issued`. */
export const CertificateMailData = Strict({
  // A short reference the page exchanges for the token (or, from older senders, the token itself): in the fragment, never in the query.
  certificateUrl: Text('must be an http(s) URL carrying the token or its reference in the fragment, not the query', {
    format: MAIL_FORMAT.fragmentLink,
    maxLength: 20_000,
  }),
  productName: SingleLine(200),
  doseNumber: Type.Integer({ minimum: 1, maximum: 20, description: '`dn` as the certificate states it' }),
  seriesDoses: Type.Integer({ minimum: 1, maximum: 20, description: '`sd` as the certificate states it, e.g. 3/3 for a booster' }),
  vaccinationDate: IsoDate('must be a date YYYY-MM-DD'),
  validUntil: Type.String({ ...Instant(), description: 'When the link (the token) expires' }),
  replacesEarlier: Type.Boolean({ description: 'A correction replaced an earlier certificate, which is revoked' }),
});
export type CertificateMailData = Static<typeof CertificateMailData>;

/** The data of `registration-received`. */
export const RegistrationMailData = Strict({
  trackingCode: Trimmed({ pattern: '^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$', [ERROR_MESSAGE]: 'must be a tracking code like R7KQ-4M2X-DZ' }),
  statusUrl: Text('must be an http(s) URL carrying the tracking code in the fragment, not the query', { format: MAIL_FORMAT.fragmentLink, maxLength: 2000 }),
  productName: Type.Optional(SingleLine(200, { description: 'The vaccine asked for, when one was' })),
});
export type RegistrationMailData = Static<typeof RegistrationMailData>;

/** The data of the staff account templates. */
export const StaffMailData = Strict({
  // The single-use token travels in the fragment: it never reaches a server or a log.
  linkUrl: Text('must be an http(s) URL carrying the token in the fragment, not the query', { format: MAIL_FORMAT.fragmentLink, maxLength: 2000 }),
  expiresAt: Type.String({ ...Instant(), description: 'When the link expires' }),
});
export type StaffMailData = Static<typeof StaffMailData>;

/** The data of `data-access-link`. */
export const DataAccessMailData = Strict({
  accessUrl: Text('must be an http(s) URL carrying the single-use token in the fragment, not the query', { format: MAIL_FORMAT.fragmentLink, maxLength: 2000 }),
  validUntil: Type.String({ ...Instant(), description: 'When the link expires; it opens once' }),
});
export type DataAccessMailData = Static<typeof DataAccessMailData>;

const requestParts = {
  locale: OneOf(MAIL_LOCALES),
  tenant: MailTenant,
  to: MailRecipient,
  attachments: Type.Optional(Type.Array(MailAttachment, { maxItems: 10, description: "Regular attachments, e.g. the booking's .ics calendar file" })),
};

export const BookingMailRequest = contract('BookingMailRequest', Strict({ template: OneOf(BOOKING_MAIL_TEMPLATES), ...requestParts, data: BookingMailData }));
export type BookingMailRequest = Payload<typeof BookingMailRequest>;

export const CertificateMailRequest = contract(
  'CertificateMailRequest',
  Strict({ template: Type.Literal(CERTIFICATE_MAIL_TEMPLATE, { [ERROR_MESSAGE]: `must be ${CERTIFICATE_MAIL_TEMPLATE}` }), ...requestParts, data: CertificateMailData }),
);
export type CertificateMailRequest = Payload<typeof CertificateMailRequest>;

export const RegistrationMailRequest = contract(
  'RegistrationMailRequest',
  Strict({
    template: Type.Literal(REGISTRATION_MAIL_TEMPLATE, { [ERROR_MESSAGE]: `must be ${REGISTRATION_MAIL_TEMPLATE}` }),
    ...requestParts,
    data: RegistrationMailData,
  }),
);
export type RegistrationMailRequest = Payload<typeof RegistrationMailRequest>;

export const StaffMailRequest = contract('StaffMailRequest', Strict({ template: OneOf(STAFF_MAIL_TEMPLATES), ...requestParts, data: StaffMailData }));
export type StaffMailRequest = Payload<typeof StaffMailRequest>;

export const DataAccessMailRequest = contract(
  'DataAccessMailRequest',
  Strict({
    template: Type.Literal(DATA_ACCESS_MAIL_TEMPLATE, { [ERROR_MESSAGE]: `must be ${DATA_ACCESS_MAIL_TEMPLATE}` }),
    ...requestParts,
    data: DataAccessMailData,
  }),
);
export type DataAccessMailRequest = Payload<typeof DataAccessMailRequest>;

/** `POST /v1/messages` body: its template selects the data it carries. */
export const SendMailRequest = contract(
  'SendMailRequest',
  Type.Union([BookingMailRequest.schema, CertificateMailRequest.schema, RegistrationMailRequest.schema, StaffMailRequest.schema, DataAccessMailRequest.schema]),
);
export type SendMailRequest = Payload<typeof SendMailRequest>;

/** A mail as the API's outbox stores it: the request without the tenant part, which is added when it is sent. */
export type QueuedMail =
  | Omit<BookingMailRequest, 'tenant'>
  | Omit<CertificateMailRequest, 'tenant'>
  | Omit<RegistrationMailRequest, 'tenant'>
  | Omit<StaffMailRequest, 'tenant'>
  | Omit<DataAccessMailRequest, 'tenant'>;

type WithTimeZone<T extends { tenant: MailTenant }> = T & { tenant: MailTenant & { timeZone: string } };

/** A validated request: the time zone is always set. */
export type ValidSendMailRequest =
  | WithTimeZone<BookingMailRequest>
  | WithTimeZone<CertificateMailRequest>
  | WithTimeZone<RegistrationMailRequest>
  | WithTimeZone<StaffMailRequest>
  | WithTimeZone<DataAccessMailRequest>;
export type ValidBookingMailRequest = WithTimeZone<BookingMailRequest>;
export type ValidCertificateMailRequest = WithTimeZone<CertificateMailRequest>;
export type ValidRegistrationMailRequest = WithTimeZone<RegistrationMailRequest>;
export type ValidStaffMailRequest = WithTimeZone<StaffMailRequest>;
export type ValidDataAccessMailRequest = WithTimeZone<DataAccessMailRequest>;

/** `POST /v1/messages` headers the mailer reads (the bearer key aside); any others pass. */
export const SendMailHeaders = contract(
  'SendMailHeaders',
  Type.Object({
    [MAILER_IDEMPOTENCY_HEADER]: Type.Optional(Text('must be 1-200 letters, digits, dots, dashes, underscores or colons', { pattern: '^[A-Za-z0-9._:-]{1,200}$' })),
  }),
);
export type SendMailHeaders = Payload<typeof SendMailHeaders>;

/** `202` answer: the provider accepted the message. */
export const SendMailAccepted = contract('SendMailAccepted', Strict({ messageId: Type.String({ minLength: 1, maxLength: 1000 }) }));
export type SendMailAccepted = Payload<typeof SendMailAccepted>;

export interface MailFieldProblem {
  /** Dotted path into the request body, e.g. `tenant.branding.primaryColor`. */
  field: string;
  message: string;
}

/** Codes of the mailer's `application/problem+json` answers. */
export enum MailerProblemCode {
  InvalidRequest = 'mail.invalid_request',
  Unauthorized = 'mail.unauthorized',
  NotFound = 'mail.not_found',
  UnsupportedMediaType = 'mail.unsupported_media_type',
  PayloadTooLarge = 'mail.payload_too_large',
  /** The caller sent more messages than the mailer takes in a minute: retry later. */
  RateLimited = 'mail.rate_limited',
  /** The provider could not be reached or failed temporarily: retry later. */
  ProviderUnavailable = 'mail.provider_unavailable',
  /** The provider refused the message itself: a retry will not help. */
  ProviderRejected = 'mail.provider_rejected',
  Internal = 'mail.internal',
}

/** RFC 9457 problem details as the mailer answers them. Never carries personal data. */
export interface MailerProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: MailerProblemCode;
  requestId: string;
  /** W3C trace id of the request, when tracing is on. */
  traceId?: string;
  errors?: MailFieldProblem[];
}
