import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import { MAX_JSON_DEPTH, edgeErrorHandlers, jsonDepthExceeds, problemForStatus, sendProblem, statusCodeOf } from '@vaccinate/http-edge';
import {
  MAILER_IDEMPOTENCY_HEADER,
  MAILER_MESSAGES_PATH,
  SendMailAccepted,
  SendMailHeaders,
  SendMailRequest,
  validateSendMailRequest,
  type ValidSendMailRequest,
} from '@vaccinate/mail-contracts';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifySchemaCompiler } from 'fastify';
import type { Logger } from 'pino';
import type { DeliveredKeys } from '../delivery/delivered-keys';
import type { MailDeliveryService } from '../delivery/mail-delivery.service';
import { MailerException, MailerProblemCode } from '../delivery/mailer.exception';
import { isAuthorized } from './bearer-auth';
import { PRIVATE_ANSWER_HEADERS, problemOf, statusOf } from './problem-response';

export interface MailerHttpDependencies {
  delivery: MailDeliveryService;
  /** Idempotency keys already sent, per tenant. */
  deliveredKeys: DeliveredKeys<SendMailAccepted>;
  /** The sender address; its domain ends the deterministic Message-IDs. */
  fromAddress: string;
  logger: Logger;
  apiKey: string | null;
  /** Messages per client address and minute. */
  rateLimitPerMinute: number;
}

export interface MailerHttpServer {
  app: FastifyInstance;
  /** Readiness: false until the templates were warmed up, and again while shutting down. */
  setReady(ready: boolean): void;
}

/** Attachments arrive base64-encoded inside the JSON, so the limit leaves room for a few. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const invalidJson = () => new MailerException(MailerProblemCode.InvalidRequest, 'The body is not valid JSON.', [{ field: '(body)', message: 'must be valid JSON' }]);
const tooDeep = () =>
  new MailerException(MailerProblemCode.InvalidRequest, 'The message has invalid fields.', [
    { field: '(body)', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` },
  ]);

/** Fastify's own refusals of a body, as the mailer's codes: the outbox reads them like any other. */
const FRAMEWORK_REFUSALS: Record<number, () => MailerException> = {
  400: invalidJson,
  413: () => new MailerException(MailerProblemCode.PayloadTooLarge, `The body must be at most ${MAX_BODY_BYTES} bytes.`),
  415: () => new MailerException(MailerProblemCode.UnsupportedMediaType, 'Send the message as application/json.'),
};

/** The same tenant and key always give the same Message-ID, so even a copy sent twice (a mailer restart) is one message to its reader. */
export function messageIdFor(tenant: string, key: string, fromAddress: string): string {
  const digest = createHash('sha256').update(`${tenant}\u0000${key}`).digest('hex').slice(0, 40);
  return `<${digest}@${fromAddress.split('@')[1] ?? 'mailer.invalid'}>`;
}

/**
 * The route schemas are the contracts of `@vaccinate/mail-contracts`, checked by their compiled
 * validators: the body by the template it names (and its appointments' order), the headers by
 * theirs. A refusal is a MailerException naming the fields.
 */
const contractValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (schema === SendMailRequest.schema) {
    return (body: unknown) => {
      const validation = validateSendMailRequest(body);
      return validation.ok
        ? { value: validation.value }
        : { error: new MailerException(MailerProblemCode.InvalidRequest, 'The message has invalid fields.', validation.errors) };
    };
  }
  if (schema === SendMailHeaders.schema) {
    return (headers: unknown) => {
      const validation = SendMailHeaders.validate(headers);
      return validation.ok
        ? { value: headers }
        : {
            error: new MailerException(
              MailerProblemCode.InvalidRequest,
              'The message has invalid fields.',
              validation.problems.map(({ field, message }) => ({ field, message })),
            ),
          };
    };
  }
  throw new Error(`No contract for the ${httpPart ?? 'request'} schema of a mailer route.`);
};

export function createMailerHttpServer({ delivery, deliveredKeys, fromAddress, logger, apiKey, rateLimitPerMinute }: MailerHttpDependencies): MailerHttpServer {
  let ready = false;
  const loggedByHandler = new WeakSet<MailerException>();
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Header and body timeouts: a slow client cannot hold a connection forever.
    requestTimeout: 60_000,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ...edgeErrorHandlers(PRIVATE_ANSWER_HEADERS),
  });
  app.server.headersTimeout = 20_000;
  app.setValidatorCompiler(contractValidator);

  // JSON is the only body the mailer reads; anything else is a 415. Fastify's parser keeps its
  // prototype-poisoning protection; the depth is counted first, so a deep body never reaches it.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text)) return done(tooDeep(), undefined);
    void parseJson(request, text, (error, parsed) => (error ? done(invalidJson(), undefined) : done(null, parsed)));
  });

  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(PRIVATE_ANSWER_HEADERS).header('x-request-id', request.id);
    done();
  });
  app.setErrorHandler((error, request, reply) => answerProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => answerProblem(request, reply, new MailerException(MailerProblemCode.NotFound, 'No such route.')));

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'starting' }));

  void app.register(rateLimit, {
    global: false,
    // Bounded, least recently seen first out: a flood of addresses cannot grow it without end.
    cache: 10_000,
    errorResponseBuilder: (_request, context) =>
      new MailerException(MailerProblemCode.RateLimited, 'Too many messages; try again later.', undefined, undefined, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  void app.register(async (routes) => {
    routes.post(
      MAILER_MESSAGES_PATH,
      {
        schema: { body: SendMailRequest.schema, headers: SendMailHeaders.schema, response: { 202: SendMailAccepted.schema } },
        // The limiter counts on request, before the key is checked: guessing the key is bounded too.
        config: { rateLimit: { max: rateLimitPerMinute, timeWindow: 60_000 } },
        // Before the body is read: a caller without the key never has its message parsed.
        preParsing: (request, _reply, payload, done) => {
          if (isAuthorized(request.headers.authorization, apiKey)) return done(null, payload);
          done(new MailerException(MailerProblemCode.Unauthorized, 'Send the mailer API key as a bearer token.'));
        },
      },
      (request, reply) => sendMessage(request, reply),
    );
  });

  async function sendMessage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const message = request.body as ValidSendMailRequest;
    const outcome = { requestId: request.id, provider: delivery.providerName, template: message.template, locale: message.locale };
    const key = (request.headers as { [MAILER_IDEMPOTENCY_HEADER]?: string })[MAILER_IDEMPOTENCY_HEADER];
    const tenant = message.tenant.publicUrl;
    try {
      const { answer: accepted, repeated } = key
        ? await deliveredKeys.once(tenant, key, () => delivery.deliver(message, messageIdFor(tenant, key, fromAddress)))
        : { answer: await delivery.deliver(message), repeated: false };
      await reply.status(202).send(accepted);
      logger.info(
        { ...outcome, outcome: repeated ? 'already sent' : 'sent', status: 202, durationMs: elapsed(startedAt) },
        repeated ? 'message already sent' : 'message sent',
      );
    } catch (error) {
      const exception = asMailerException(error, logger, String(request.id));
      const status = statusOf(exception.code);
      logger[status >= 500 ? 'warn' : 'info'](
        { ...outcome, outcome: exception.code, status, durationMs: elapsed(startedAt), ...(exception.logDetail ? { providerDetail: exception.logDetail } : {}) },
        'message not sent',
      );
      loggedByHandler.add(exception);
      throw exception;
    }
  }

  function answerProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    const requestId = String(request.id);
    const status = error instanceof MailerException ? undefined : statusCodeOf(error);
    if (status !== undefined && status < 500) {
      const refusal = FRAMEWORK_REFUSALS[status];
      // Any other refusal (a plugin's) in the shape every service answers; a status above 499 is still ours.
      if (!refusal) {
        logger.info({ requestId, outcome: 'refused', status }, 'request refused');
        return sendProblem(reply, problemForStatus(status, requestId));
      }
      error = refusal();
    }
    const exception = asMailerException(error, logger, requestId);
    // A message that reached the handler logged its own line, with its template and duration.
    if (!loggedByHandler.has(exception)) {
      const refusedStatus = statusOf(exception.code);
      logger[refusedStatus >= 500 ? 'warn' : 'info'](
        {
          requestId,
          outcome: exception.code,
          status: refusedStatus,
          ...(exception.errors ? { invalidFields: exception.errors.map((problem) => problem.field) } : {}),
        },
        'message not sent',
      );
    }
    if (exception.retryAfterSeconds !== undefined) void reply.header('retry-after', String(exception.retryAfterSeconds));
    if (exception.code === MailerProblemCode.Unauthorized) void reply.header('www-authenticate', 'Bearer realm="mailer"');
    // A body refused half-way was not read to its end: the connection cannot carry another request.
    if (exception.code === MailerProblemCode.PayloadTooLarge) void reply.header('connection', 'close');
    return sendProblem(reply, problemOf(exception, requestId));
  }

  return { app, setReady: (value) => void (ready = value) };
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
