import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SMART_HEALTH_CARD_MEDIA_TYPE, toSmartHealthCardFile } from '@vaccinate/smart-health-card';
import type { Logger } from 'pino';
import type { CertificateOpenerService, OpenedIssuedCertificate } from '../certificate/certificate-opener.service';
import { parseCertificateRequest, type CertificateRequest } from '../certificate/certificate-request';
import { CertificateException, CertificateProblemCode } from '../certificate/certificate.exception';
import { immunizationResources } from '../fhir/immunization-resources';
import { renderCertificatePdf } from '../pdf/certificate-pdf.renderer';
import { clientAddress } from './client-address';
import { readJsonBody } from './json-body';
import { sendBody, sendJson, sendProblem, statusOf } from './problem-response';
import type { RateLimiter } from './rate-limiter';

export interface CertificatesHttpDependencies {
  opener: CertificateOpenerService;
  rateLimiter: RateLimiter;
  trustedProxyHops: number;
  logger: Logger;
}

export interface CertificatesHttpServer {
  server: Server;
  /** Readiness: false until a warm-up render finished, and again while shutting down. */
  setReady(ready: boolean): void;
}

type CertificateFormat = 'pdf' | 'smart-health-card' | 'fhir';

const ROUTES: Record<string, CertificateFormat> = {
  '/v1/certificates/pdf': 'pdf',
  '/v1/certificates/smart-health-card': 'smart-health-card',
  '/v1/certificates/fhir': 'fhir',
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function createCertificatesHttpServer({ opener, rateLimiter, trustedProxyHops, logger }: CertificatesHttpDependencies): CertificatesHttpServer {
  let ready = false;

  async function handle(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://certificates').pathname;
    if (path === '/health/live' && request.method === 'GET') return sendJson(response, 200, { status: 'ok' });
    if (path === '/health/ready' && request.method === 'GET') {
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
    }
    const format = ROUTES[path];
    if (!format) {
      request.resume();
      throw new CertificateException(CertificateProblemCode.NotFound, 'No such route.');
    }
    if (request.method !== 'POST') {
      request.resume();
      throw new CertificateException(CertificateProblemCode.MethodNotAllowed, 'Use POST.');
    }
    return answerCertificate(format, request, response, requestId);
  }

  async function answerCertificate(format: CertificateFormat, request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const startedAt = performance.now();
    const outcome: Record<string, unknown> = { requestId, format };
    try {
      // Counted before the body is read: every attempt costs, valid or not, so guessing is bounded.
      const decision = rateLimiter.attempt(clientAddress(request, trustedProxyHops));
      if (!decision.allowed) {
        request.resume();
        throw new CertificateException(CertificateProblemCode.RateLimited, 'Too many attempts; wait a minute and try again.', undefined, decision.retryAfterSeconds);
      }
      const certificateRequest: CertificateRequest = parseCertificateRequest(await readJsonBody(request));
      outcome['locale'] = certificateRequest.locale;
      const opened = await opener.open(certificateRequest);
      outcome['issuer'] = opened.issuer;
      outcome['doses'] = opened.record.doses.length;
      await sendCertificate(format, opened, certificateRequest, response);
      logger.info({ ...outcome, outcome: 'issued', status: 200, durationMs: elapsed(startedAt) }, 'certificate answered');
    } catch (error) {
      const exception = asCertificateException(error, logger, requestId);
      sendProblem(response, exception, requestId);
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
    }
  }

  async function sendCertificate(format: CertificateFormat, opened: OpenedIssuedCertificate, request: CertificateRequest, response: ServerResponse): Promise<void> {
    const { record } = opened;
    switch (format) {
      case 'pdf': {
        const pdf = await renderCertificatePdf(record, request.locale);
        const filename = request.locale === 'de' ? 'impfzertifikat.pdf' : 'vaccination-certificate.pdf';
        return sendBody(response, 200, pdf, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"` });
      }
      case 'smart-health-card':
        return sendBody(response, 200, toSmartHealthCardFile([record.shcJws]), {
          'content-type': SMART_HEALTH_CARD_MEDIA_TYPE,
          'content-disposition': 'attachment; filename="vaccination.smart-health-card"',
        });
      case 'fhir':
        return sendBody(response, 200, JSON.stringify(immunizationResources(record.shcJws)), { 'content-type': 'application/json; charset=utf-8' });
    }
  }

  const server = createServer((request, response) => {
    const incomingId = request.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    response.setHeader('x-request-id', requestId);
    handle(request, response, requestId).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      sendProblem(response, asCertificateException(error, logger, requestId), requestId);
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return { server, setReady: (value) => void (ready = value) };
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
