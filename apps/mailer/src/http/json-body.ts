import type { IncomingMessage } from 'node:http';
import { MailerException, MailerProblemCode } from '../delivery/mailer.exception';

/** Attachments arrive base64-encoded inside the JSON, so the limit leaves room for a few. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    throw new MailerException(MailerProblemCode.UnsupportedMediaType, 'Send the message as application/json.');
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    request.resume();
    throw new MailerException(MailerProblemCode.PayloadTooLarge, `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw new MailerException(MailerProblemCode.PayloadTooLarge, `The body must be at most ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new MailerException(MailerProblemCode.InvalidRequest, 'The body is not valid JSON.', [
      { field: '(body)', message: 'must be valid JSON' },
    ]);
  }
}
