import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { requestContext } from '../common/request-context';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A well-formed incoming X-Request-Id is kept (the gateway's or ingress's), anything else replaced. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Runs every request inside its own context (request id, client address, later the principal),
 * echoes the request id, and writes one access log line: route template, never the raw URL or body.
 */
export function registerRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id), clientIp: request.ip }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // The operator's LOG_LEVEL decides; below info a request costs no line at all.
    if (!logger.isLevelEnabled('info')) return done();
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
}
