/**
 * The mailer's HTTP contract. The API's outbox worker posts a `SendMailRequest` to
 * `POST /v1/messages` and treats 202 as delivered, 4xx as permanent (dead-letter at once) and
 * 5xx as retryable.
 */

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
] as const;
export type BookingMailTemplate = (typeof BOOKING_MAIL_TEMPLATES)[number];

/** The vaccination certificate link (a new dose, a request, or a replacement after a correction). */
export const CERTIFICATE_MAIL_TEMPLATE = 'certificate-issued';

export const MAIL_TEMPLATES = [...BOOKING_MAIL_TEMPLATES, CERTIFICATE_MAIL_TEMPLATE] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export const MAIL_LOCALES = ['de', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export const DEFAULT_MAIL_TIME_ZONE = 'Europe/Berlin';

export interface MailBranding {
  /** `#rrggbb`: the header background. */
  primaryColor: string;
  /** `#rrggbb`: buttons and links. */
  accentColor: string;
  /** An http(s) URL; without it the header shows the company name. */
  logoUrl?: string;
}

export interface MailTenant {
  displayName: string;
  /** The tenant's booking site, e.g. `https://acme.vaccinate.example`. */
  publicUrl: string;
  /** IANA zone the dates are shown in; `Europe/Berlin` when absent. */
  timeZone?: string;
  branding: MailBranding;
}

export interface MailRecipient {
  email: string;
  name: string;
}

export interface MailAppointment {
  doseNumber: number;
  /** ISO 8601 with offset, e.g. `2026-03-03T08:00:00.000Z`. */
  startsAt: string;
  endsAt: string;
  siteName: string;
  siteAddress: string;
  status: 'booked' | 'cancelled';
}

/** The data every template takes. */
export interface BookingMailData {
  bookingCode: string;
  productName: string;
  appointments: MailAppointment[];
  /** The manage-booking link (cancel, rebook); it carries the manage token. */
  manageUrl: string;
  /** Why appointments were cancelled or changed, e.g. "The vaccination day was cancelled by the company doctor." */
  reason?: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** The data of `certificate-issued`. */
export interface CertificateMailData {
  /** The certificate page; the token is in the fragment (`#`), never in the query. */
  certificateUrl: string;
  productName: string;
  /** `dn`/`sd` as the certificate states them, e.g. 3/3 for a booster. */
  doseNumber: number;
  seriesDoses: number;
  /** YYYY-MM-DD. */
  vaccinationDate: string;
  /** ISO 8601: when the link (the token) expires. */
  validUntil: string;
  /** A correction replaced an earlier certificate, which is revoked. */
  replacesEarlier: boolean;
}

interface MailRequestBase {
  locale: MailLocale;
  tenant: MailTenant;
  to: MailRecipient;
  /** Regular attachments, e.g. the booking's `.ics` calendar file. */
  attachments?: MailAttachment[];
}

export interface BookingMailRequest extends MailRequestBase {
  template: BookingMailTemplate;
  data: BookingMailData;
}

export interface CertificateMailRequest extends MailRequestBase {
  template: typeof CERTIFICATE_MAIL_TEMPLATE;
  data: CertificateMailData;
}

/** `POST /v1/messages` body. */
export type SendMailRequest = BookingMailRequest | CertificateMailRequest;

/** A mail as the API's outbox stores it: the request without the tenant part, which is added when it is sent. */
export type QueuedMail = Omit<BookingMailRequest, 'tenant'> | Omit<CertificateMailRequest, 'tenant'>;

type WithTimeZone<T extends MailRequestBase> = T & { tenant: MailTenant & { timeZone: string } };

/** A validated request: the time zone is always set. */
export type ValidSendMailRequest = WithTimeZone<BookingMailRequest> | WithTimeZone<CertificateMailRequest>;
export type ValidBookingMailRequest = WithTimeZone<BookingMailRequest>;
export type ValidCertificateMailRequest = WithTimeZone<CertificateMailRequest>;

/** `202` answer: the provider accepted the message. */
export interface SendMailAccepted {
  messageId: string;
}

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
  errors?: MailFieldProblem[];
}
