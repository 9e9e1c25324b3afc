import type { ServerResponse } from 'node:http';
import type { MailerProblem } from '@vaccinate/mail-contracts';
import { MailerException, MailerProblemCode } from '../delivery/mailer.exception';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The one place that maps mailer exception codes to HTTP. */
const STATUS: Record<MailerProblemCode, { status: number; title: string }> = {
  [MailerProblemCode.InvalidRequest]: { status: 400, title: 'Invalid message' },
  [MailerProblemCode.Unauthorized]: { status: 401, title: 'Unauthorized' },
  [MailerProblemCode.NotFound]: { status: 404, title: 'Not found' },
  [MailerProblemCode.PayloadTooLarge]: { status: 413, title: 'Message too large' },
  [MailerProblemCode.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [MailerProblemCode.Internal]: { status: 500, title: 'Internal error' },
  [MailerProblemCode.ProviderUnavailable]: { status: 502, title: 'Mail provider unavailable' },
  [MailerProblemCode.ProviderRejected]: { status: 502, title: 'Mail provider refused the message' },
};

export function statusOf(code: MailerProblemCode): number {
  return STATUS[code].status;
}

export function sendProblem(response: ServerResponse, exception: MailerException, requestId: string): void {
  const { status, title } = STATUS[exception.code];
  const problem: MailerProblem = {
    type: `https://vaccinate.example/problems/${exception.code}`,
    title,
    status,
    detail: exception.message,
    code: exception.code,
    requestId,
    ...(exception.errors ? { errors: exception.errors } : {}),
  };
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="mailer"';
  sendJson(response, status, problem, headers);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}
