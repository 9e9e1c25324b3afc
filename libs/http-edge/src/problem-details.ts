import { PROBLEM_CONTENT_TYPE, type FieldProblem, type ProblemDetails } from '@vaccinate/api-contracts';
import type { FastifyReply } from 'fastify';
import { activeTraceId } from './active-trace';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Request too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal error',
  502: 'Service unavailable',
  503: 'Service unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Request refused');
}

/** An RFC 9457 problem as every server of the project answers it, with the trace id when a span is active. */
export function problem(input: {
  status: number;
  code: string;
  requestId: string;
  title?: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}): ProblemDetails {
  const traceId = activeTraceId();
  return {
    type: `https://vaccinate.example/problems/${input.code.replace(/\./g, '-')}`,
    title: input.title ?? titleForStatus(input.status),
    status: input.status,
    code: input.code,
    requestId: input.requestId,
    ...(traceId ? { traceId } : {}),
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.instance ? { instance: input.instance } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  };
}

const STATUS_REFUSALS: Record<number, { code: string; detail?: string }> = {
  400: { code: 'request.malformed', detail: 'The request body could not be read. Send valid JSON.' },
  401: { code: 'auth.required' },
  403: { code: 'auth.forbidden' },
  404: { code: 'route.not_found' },
  405: { code: 'route.method_not_allowed' },
  413: { code: 'request.too_large', detail: 'The request body is larger than this endpoint accepts.' },
  415: { code: 'request.unsupported_media_type', detail: 'Send the body as application/json.' },
  429: { code: 'request.rate_limited' },
  503: { code: 'service.unavailable' },
};

/**
 * The problem for an error that carries only a status: Fastify's own (bad JSON, body too large,
 * wrong content type) and plugins' refusals. Its message is never used: it may quote the input.
 */
export function problemForStatus(status: number, requestId: string, detail?: string): ProblemDetails {
  const refusal = STATUS_REFUSALS[status];
  const chosenDetail = detail ?? refusal?.detail;
  return problem({ status, code: refusal?.code ?? `http.${status}`, requestId, ...(chosenDetail ? { detail: chosenDetail } : {}) });
}

/** The status an error asks for, when it names one (Fastify's and its plugins' errors do). */
export function statusCodeOf(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode <= 599 ? statusCode : undefined;
}

/**
 * Sends a problem with its status and exactly `application/problem+json`: as bytes, because
 * Fastify appends `; charset=utf-8` to any JSON type it is given as text or an object.
 */
export function sendProblem(reply: FastifyReply, body: { status: number }): FastifyReply {
  return reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}
