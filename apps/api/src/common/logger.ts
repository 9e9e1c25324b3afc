import pino, { type DestinationStream, type Logger } from 'pino';
import { activeSpanIds } from '../tracing/active-trace';
import { requestContext } from './request-context';

/**
 * The one place that lists what must never reach a log line. Personal data is not logged on
 * purpose anywhere; this list is the safety net for objects logged whole by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.email',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
  '*.phone',
  '*.employeeNumber',
  '*.answers',
  '*.notes',
  'body',
  'query',
];

/** What may wait for a stalled stdout (a full pipe nobody reads); lines beyond it are dropped. */
export const LOG_BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * Lines go to stdout without blocking the request that wrote them: while one write is under way,
 * the next lines gather and leave together, so at thousands of requests a second the log costs a
 * write per batch rather than per line. The wait is bounded: a stdout nobody reads would otherwise
 * grow the process by the whole log (gigabytes within minutes of a database outage's error lines).
 * pino flushes what is left when the process exits.
 */
export function standardOutput(): DestinationStream {
  return pino.destination({ dest: 1, sync: false, maxLength: LOG_BUFFER_BYTES });
}

export function createLogger(level: string, destination: DestinationStream = standardOutput()): Logger {
  return pino(
    {
      level,
      base: { service: 'api' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Every line carries the request id and the trace of the request it belongs to, when there is one.
      mixin: () => {
        const context = requestContext.current();
        return { ...(context ? { requestId: context.requestId } : {}), ...activeSpanIds() };
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
