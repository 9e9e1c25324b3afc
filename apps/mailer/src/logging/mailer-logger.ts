import { activeSpanIds } from '@vaccinate/http-edge';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The mailer logs what happened to a message (template, locale, outcome, duration), never to whom.
 * The redaction list is a second line of defence should a recipient ever reach a log call.
 */
export const REDACTED_PATHS = ['to', 'email', 'name', 'data', 'attachments', '*.to', '*.email', '*.name', '*.data', 'headers.authorization', '*.headers.authorization'];

export function createMailerLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mailer' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // A line written while a request is traced names its trace, so logs and spans meet.
      mixin: () => activeSpanIds(),
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
