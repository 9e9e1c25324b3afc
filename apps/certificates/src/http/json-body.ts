import type { IncomingMessage } from 'node:http';
import { CertificateException, CertificateProblemCode } from '../certificate/certificate.exception';

/** A token is a few kilobytes; the limit leaves room for long names and many doses, nothing more. */
export const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    throw new CertificateException(CertificateProblemCode.UnsupportedMediaType, 'Send the request as application/json.');
  }
  const tooLarge = () => new CertificateException(CertificateProblemCode.PayloadTooLarge, `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    request.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new CertificateException(CertificateProblemCode.InvalidRequest, 'The body is not valid JSON.', [
      { field: '(body)', message: 'must be valid JSON' },
    ]);
  }
}
