/**
 * The mailer's HTTP contract. The API's outbox worker posts a `SendMailRequest` to
 * `POST /v1/messages` and treats 202 as delivered, 4xx as permanent (dead-letter at once) and
 * 5xx as retryable.
 */

export const MAILER_MESSAGES_PATH = '/v1/messages';

export const MAIL_TEMPLATES = [
  'booking-confirmation',
  'booking-changed',
  'booking-cancelled',
  'appointment-reminder',
  'standby-offer',
] as const;
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

/** `POST /v1/messages` body. */
export interface SendMailRequest {
  template: MailTemplate;
  locale: MailLocale;
  tenant: MailTenant;
  to: MailRecipient;
  data: BookingMailData;
  /** Regular attachments, e.g. the booking's `.ics` calendar file. */
  attachments?: MailAttachment[];
}

/** A validated request: the time zone is always set. */
export type ValidSendMailRequest = SendMailRequest & { tenant: MailTenant & { timeZone: string } };

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
