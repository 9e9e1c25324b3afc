import { problem } from '@vaccinate/http-edge';
import type { MailerProblem } from '@vaccinate/mail-contracts';
import { MailerProblemCode, type MailerException } from '../delivery/mailer.exception';

/** Every answer is for the caller alone: never stored by a cache, never sniffed into another type. */
export const PRIVATE_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** The one place that maps mailer exception codes to HTTP. */
const STATUS: Record<MailerProblemCode, { status: number; title: string }> = {
  [MailerProblemCode.InvalidRequest]: { status: 400, title: 'Invalid message' },
  [MailerProblemCode.Unauthorized]: { status: 401, title: 'Unauthorized' },
  [MailerProblemCode.NotFound]: { status: 404, title: 'Not found' },
  [MailerProblemCode.PayloadTooLarge]: { status: 413, title: 'Message too large' },
  [MailerProblemCode.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [MailerProblemCode.RateLimited]: { status: 429, title: 'Too many messages' },
  [MailerProblemCode.Internal]: { status: 500, title: 'Internal error' },
  [MailerProblemCode.ProviderUnavailable]: { status: 502, title: 'Mail provider unavailable' },
  [MailerProblemCode.ProviderRejected]: { status: 502, title: 'Mail provider refused the message' },
};

export function statusOf(code: MailerProblemCode): number {
  return STATUS[code].status;
}

/** The problem+json body of a refusal, in the shape every service answers (with the trace id when traced). */
export function problemOf(exception: MailerException, requestId: string): MailerProblem {
  const { status, title } = STATUS[exception.code];
  const body = problem({ status, code: exception.code, title, detail: exception.message, requestId, ...(exception.errors ? { errors: exception.errors } : {}) });
  return Object.assign(body, { code: exception.code });
}
