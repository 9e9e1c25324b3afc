import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import { SMART_HEALTH_CARD_MEDIA_TYPE, toSmartHealthCardFile } from '@vaccinate/smart-health-card';
import { FHIR_MEDIA_TYPE } from '@vaccinate/fhir';
import { edgeErrorHandlers, problemForStatus, sendProblem, statusCodeOf } from '@vaccinate/http-edge';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { CertificateOpenerService, OpenedIssuedCertificate } from '../certificate/certificate-opener.service';
import { parseCertificateRequest, type CertificateRequest } from '../certificate/certificate-request';
import { CertificateException, CertificateProblemCode } from '../certificate/certificate.exception';
import { immunizationRecord } from '../fhir/immunization-record';
import { renderCertificatePdf } from '../pdf/certificate-pdf.renderer';
import { PRIVATE_ANSWER_HEADERS, problemOf, statusOf } from './problem-response';

export interface CertificatesHttpDependencies {
  opener: CertificateOpenerService;
  /** Certificate attempts per client address and minute. */
  rateLimitPerMinute: number;
  trustedProxyHops: number;
  logger: Logger;
}

export interface CertificatesHttpServer {
  app: FastifyInstance;
  /** Readiness: false until a warm-up render finished, and again while shutting down. */
  setReady(ready: boolean): void;
}

type CertificateFormat = 'pdf' | 'smart-health-card' | 'fhir';

const FORMATS: readonly CertificateFormat[] = ['pdf', 'smart-health-card', 'fhir'];

/** A token is a few kilobytes; the limit leaves room for long names and many doses, nothing more. */
export const MAX_BODY_BYTES = 64 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function createCertificatesHttpServer({ opener, rateLimitPerMinute, trustedProxyHops, logger }: CertificatesHttpDependencies): CertificatesHttpServer {
  let ready = false;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: 30_000,
    // `request.ip` is then the entry the outermost trusted proxy appended, never one the client wrote.
    trustProxy: trustedProxyHops > 0 ? trustedProxyHops : false,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ...edgeErrorHandlers(PRIVATE_ANSWER_HEADERS),
  });
  app.server.headersTimeout = 10_000;
  // JSON is the only body the function reads; anything else is a 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(PRIVATE_ANSWER_HEADERS).header('x-request-id', request.id);
    done();
  });
  app.setErrorHandler((error, request, reply) => answerProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => answerProblem(request, reply, new CertificateException(CertificateProblemCode.NotFound, 'No such route.')));

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'starting' }));

  void app.register(rateLimit, {
    global: false,
    // Bounded, least recently seen first out: a flood of addresses cannot grow it without end.
    cache: 100_000,
    onExceeded: (request) => logger.info({ requestId: request.id, outcome: CertificateProblemCode.RateLimited, status: 429 }, 'certificate refused'),
    errorResponseBuilder: (_request, context) =>
      new CertificateException(
        CertificateProblemCode.RateLimited,
        'Too many attempts; wait a minute and try again.',
        undefined,
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
  void app.register(async (routes) => {
    for (const format of FORMATS) {
      const url = `/v1/certificates/${format}`;
      // Counted before the body is read (the limiter runs onRequest): every attempt costs, valid or not, so guessing is bounded.
      routes.post(url, { config: { rateLimit: { max: rateLimitPerMinute, timeWindow: 60_000 } } }, (request, reply) => answerCertificate(format, request, reply));
      routes.route({
        method: ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        url,
        handler: async () => {
          throw new CertificateException(CertificateProblemCode.MethodNotAllowed, 'Use POST.');
        },
      });
    }
  });

  async function answerCertificate(format: CertificateFormat, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const outcome: Record<string, unknown> = { requestId: request.id, format };
    try {
      const certificateRequest = parseCertificateRequest(request.body);
      outcome['locale'] = certificateRequest.locale;
      const opened = await opener.open(certificateRequest);
      outcome['issuer'] = opened.issuer;
      outcome['doses'] = opened.record.doses.length;
      await sendCertificate(format, opened, certificateRequest, reply);
      logger.info({ ...outcome, outcome: 'issued', status: 200, durationMs: elapsed(startedAt) }, 'certificate answered');
    } catch (error) {
      const exception = asCertificateException(error, logger, String(request.id));
      const status = statusOf(exception.code);
      logger[status >= 500 ? 'warn' : 'info'](
        {
          ...outcome,
          outcome: exception.code,
          status,
          durationMs: elapsed(startedAt),
          ...(exception.errors ? { invalidFields: exception.errors.map((problem) => problem.field) } : {}),
        },
        'certificate refused',
      );
      throw exception;
    }
  }

  function answerProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    const requestId = String(request.id);
    const status = error instanceof CertificateException ? undefined : statusCodeOf(error);
    // Fastify's own refusals (bad JSON, too large, wrong type) as the API answers them; a status it gives above 499 is still ours.
    if (status !== undefined && status < 500) {
      logger.info({ requestId, outcome: 'refused', status }, 'request refused');
      return sendProblem(reply, problemForStatus(status, requestId));
    }
    const exception = asCertificateException(error, logger, requestId);
    const problem = problemOf(exception, requestId);
    if (exception.retryAfterSeconds !== undefined) void reply.header('retry-after', String(exception.retryAfterSeconds));
    if (problem.status === 405) void reply.header('allow', 'POST');
    return sendProblem(reply, problem);
  }

  return { app, setReady: (value) => void (ready = value) };
}

async function sendCertificate(format: CertificateFormat, opened: OpenedIssuedCertificate, request: CertificateRequest, reply: FastifyReply): Promise<void> {
  const { record } = opened;
  switch (format) {
    case 'pdf': {
      const pdf = await renderCertificatePdf(record, request.locale);
      const filename = request.locale === 'de' ? 'impfzertifikat.pdf' : 'vaccination-certificate.pdf';
      await reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
      return;
    }
    case 'smart-health-card':
      await reply
        .header('content-type', SMART_HEALTH_CARD_MEDIA_TYPE)
        .header('content-disposition', 'attachment; filename="vaccination.smart-health-card"')
        .send(toSmartHealthCardFile([record.shcJws]));
      return;
    case 'fhir':
      await reply
        .header('content-type', `${FHIR_MEDIA_TYPE}; charset=utf-8`)
        .header('content-disposition', 'attachment; filename="immunizations.fhir.json"')
        .send(JSON.stringify(immunizationRecord(opened)));
      return;
  }
}

function asCertificateException(error: unknown, logger: Logger, requestId: string): CertificateException {
  if (error instanceof CertificateException) return error;
  // Only the error's class and stack frames: its message could quote request or record data.
  logger.error({ requestId, errorType: (error as Error)?.name, stack: (error as Error)?.stack?.split('\n').slice(1, 6).join('\n') }, 'unexpected error');
  return new CertificateException(CertificateProblemCode.Internal, 'The certificate could not be produced.');
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}
