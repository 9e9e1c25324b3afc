import { activeSpanIds } from '@vaccinate/http-edge';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The function logs what happened to a request (route, locale, outcome, duration), never whose
 * certificate it was. The redaction list is a second line of defence should a request body or a
 * decrypted record ever reach a log call.
 */
export const REDACTED_PATHS = [
  'token',
  'personalData',
  'person',
  'record',
  'familyName',
  'givenName',
  'birthDate',
  'secret',
  'secrets',
  '*.token',
  '*.personalData',
  '*.person',
  '*.record',
  '*.familyName',
  '*.givenName',
  '*.birthDate',
  '*.secret',
  '*.secrets',
];

export function createCertificatesLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'certificates' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The trace and span ids, when tracing is on: a log line leads to its trace.
      mixin: () => activeSpanIds(),
    },
    destination,
  );
}
