import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '@vaccinate/api-contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem-details';

interface Refusal {
  status: number;
  code: string;
  detail: string;
}

/**
 * Refusals Fastify and Node's HTTP parser make before a route (and so before any error handler) is
 * reached, answered as problem+json like every other error.
 */
const REFUSALS: Record<string, Refusal> = {
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url', detail: 'The address has an invalid %-escape.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.parameter_too_long', detail: 'A path parameter is longer than this server accepts.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'request.malformed', detail: 'The request could not be routed.' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'request.headers_too_large', detail: 'The request headers are larger than this server accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request.timeout', detail: 'The request took too long to arrive.' },
};
const MALFORMED: Refusal = { status: 400, code: 'request.malformed', detail: 'The request could not be read as HTTP.' };

export interface EdgeErrorHandlers {
  /** Fastify's `frameworkErrors`: a bad %-escape or an over-long path parameter. */
  frameworkErrors(error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void;
  /** Fastify's `clientErrorHandler` (Node's `clientError`): the request never became one; answered on the socket. */
  clientErrorHandler(error: Error & { code?: string }, socket: Socket): void;
}

/**
 * The two handlers a Fastify server needs so that nothing it refuses leaves as Fastify's own JSON
 * or a bare socket close. `headers` go on every such answer (the gateway's security headers).
 */
export function edgeErrorHandlers(headers: Readonly<Record<string, string>> = {}): EdgeErrorHandlers {
  return {
    frameworkErrors(error, request, reply) {
      const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED;
      void sendProblem(reply.status(refusal.status).headers(headers).header('x-request-id', request.id), problem({ ...refusal, requestId: String(request.id) }));
    },
    clientErrorHandler(error, socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed || answerUnderWay(socket)) return;
      // end(), not destroy(): a client still sending its body then reads the answer instead of a reset.
      if (socket.writable) socket.end(rawProblemResponse(REFUSALS[error.code ?? ''] ?? MALFORMED, headers));
      else socket.destroy();
    },
  };
}

/**
 * Bytes after a request that was already answered (an unread body) can fail to parse: the answer
 * under way stands and closes the connection; a second one written behind it would corrupt it.
 * Node keeps the response being written on the socket as `_httpMessage`, its only trace.
 */
export function answerUnderWay(socket: Socket): boolean {
  return Boolean((socket as Socket & { _httpMessage?: unknown })._httpMessage);
}

export function rawProblemResponse(refusal: Refusal, headers: Readonly<Record<string, string>> = {}): string {
  const requestId = randomUUID();
  const body = JSON.stringify(problem({ ...refusal, requestId }));
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Request-Id: ${requestId}\r\n${extra}Connection: close\r\n\r\n${body}`
  );
}
