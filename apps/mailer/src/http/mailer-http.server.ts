import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { MAILER_IDEMPOTENCY_HEADER, MAILER_MESSAGES_PATH, validateSendMailRequest, type SendMailAccepted } from '@vaccinate/mail-contracts';
import type { Logger } from 'pino';
import type { DeliveredKeys } from '../delivery/delivered-keys';
import type { MailDeliveryService } from '../delivery/mail-delivery.service';
import { MailerException, MailerProblemCode } from '../delivery/mailer.exception';
import { isAuthorized } from './bearer-auth';
import { readJsonBody } from './json-body';
import { sendJson, sendProblem, statusOf } from './problem-response';

export interface MailerHttpDependencies {
  delivery: MailDeliveryService;
  /** Idempotency keys already sent, per tenant. */
  deliveredKeys: DeliveredKeys<SendMailAccepted>;
  /** The sender address; its domain ends the deterministic Message-IDs. */
  fromAddress: string;
  logger: Logger;
  apiKey: string | null;
}

export interface MailerHttpServer {
  server: Server;
  /** Readiness: false until the templates were warmed up, and again while shutting down. */
  setReady(ready: boolean): void;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** The same tenant and key always give the same Message-ID, so even a copy sent twice (a mailer restart) is one message to its reader. */
export function messageIdFor(tenant: string, key: string, fromAddress: string): string {
  const digest = createHash('sha256').update(`${tenant}\u0000${key}`).digest('hex').slice(0, 40);
  return `<${digest}@${fromAddress.split('@')[1] ?? 'mailer.invalid'}>`;
}

function idempotencyKeyOf(request: IncomingMessage): string | null {
  const value = request.headers[MAILER_IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (typeof value === 'string' && IDEMPOTENCY_KEY.test(value)) return value;
  throw new MailerException(MailerProblemCode.InvalidRequest, 'The message has invalid fields.', [
    { field: MAILER_IDEMPOTENCY_HEADER, message: 'must be 1-200 letters, digits, dots, dashes, underscores or colons' },
  ]);
}

export function createMailerHttpServer({ delivery, deliveredKeys, fromAddress, logger, apiKey }: MailerHttpDependencies): MailerHttpServer {
  let ready = false;

  async function handle(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://mailer').pathname;
    if (path === '/health/live' && request.method === 'GET') return sendJson(response, 200, { status: 'ok' });
    if (path === '/health/ready' && request.method === 'GET') {
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
    }
    if (path === MAILER_MESSAGES_PATH && request.method === 'POST') return sendMessage(request, response, requestId);
    request.resume();
    throw new MailerException(MailerProblemCode.NotFound, 'No such route.');
  }

  async function sendMessage(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const startedAt = performance.now();
    const outcome: Record<string, unknown> = { requestId, provider: delivery.providerName };
    try {
      if (!isAuthorized(request, apiKey)) {
        request.resume();
        throw new MailerException(MailerProblemCode.Unauthorized, 'Send the mailer API key as a bearer token.');
      }
      const key = idempotencyKeyOf(request);
      const validation = validateSendMailRequest(await readJsonBody(request));
      if (!validation.ok) {
        throw new MailerException(MailerProblemCode.InvalidRequest, 'The message has invalid fields.', validation.errors);
      }
      const message = validation.value;
      outcome['template'] = message.template;
      outcome['locale'] = message.locale;
      const tenant = message.tenant.publicUrl;
      const { answer: accepted, repeated } = key
        ? await deliveredKeys.once(tenant, key, () => delivery.deliver(message, messageIdFor(tenant, key, fromAddress)))
        : { answer: await delivery.deliver(message), repeated: false };
      sendJson(response, 202, accepted);
      logger.info({ ...outcome, outcome: repeated ? 'already sent' : 'sent', status: 202, durationMs: elapsed(startedAt) }, repeated ? 'message already sent' : 'message sent');
    } catch (error) {
      const exception = asMailerException(error, logger, requestId);
      sendProblem(response, exception, requestId);
      const status = statusOf(exception.code);
      logger[status >= 500 ? 'warn' : 'info'](
        {
          ...outcome,
          outcome: exception.code,
          status,
          durationMs: elapsed(startedAt),
          ...(exception.errors ? { invalidFields: exception.errors.map((problem) => problem.field) } : {}),
          ...(exception.logDetail ? { providerDetail: exception.logDetail } : {}),
        },
        'message not sent',
      );
    }
  }

  const server = createServer((request, response) => {
    const incomingId = request.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    response.setHeader('x-request-id', requestId);
    handle(request, response, requestId).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      sendProblem(response, asMailerException(error, logger, requestId), requestId);
    });
  });
  // Header and body timeouts: a slow client cannot hold a connection forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return { server, setReady: (value) => void (ready = value) };
}

function asMailerException(error: unknown, logger: Logger, requestId: string): MailerException {
  if (error instanceof MailerException) return error;
  // Only the error's class and stack: its message could quote request data.
  logger.error({ requestId, errorType: (error as Error)?.name, stack: (error as Error)?.stack?.split('\n').slice(1, 6).join('\n') }, 'unexpected error');
  return new MailerException(MailerProblemCode.Internal, 'The message could not be processed.');
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}
