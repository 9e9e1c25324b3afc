import { Injectable } from '@nestjs/common';
import { AvailabilityQuery, PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@vaccinate/api-contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../../common/problem/app-exception';
import { problem } from '../../common/problem/problem-details';
import { RateLimiter } from '../../common/rate-limit';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../database/database-unavailable';
import { documentAnswer } from './availability-answer';
import { AvailabilityService } from './availability.service';

const AVAILABILITY_ROUTE = '/api/availability';
/** Visitors of one tenant ask a handful of distinct queries; each is checked against the contract once. */
const REMEMBERED_QUERIES = 1_000;

/**
 * `GET /api/availability` is polled by every visitor during a sell-out. It is public, takes only its
 * rate limit and a validated query, and its answer is a cached buffer: so it is answered in a Fastify
 * hook, before the framework's guards, pipes and router run. A query the contract refuses goes on to
 * the controller, which answers the usual 400.
 */
@Injectable()
export class AvailabilityFastPath {
  private readonly queries = new Map<string, AvailabilityQuery | null>();

  constructor(
    private readonly availability: AvailabilityService,
    private readonly limiter: RateLimiter,
  ) {}

  /** False when the request goes on to the controller. */
  async answer(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (request.method !== 'GET' || request.routeOptions.url !== AVAILABILITY_ROUTE) return false;
    const query = this.checkedQuery(request);
    if (!query) return false;
    try {
      await this.limiter.take('availability', request.ip);
      const document = await this.availability.forDoseKindJson(query.productId, query.doseKind, query.siteId ?? null);
      const answer = documentAnswer(document, request.headers);
      void reply
        .code(answer.status)
        .headers(answer.headers)
        .send(answer.body ?? undefined);
    } catch (error) {
      const requestId = String(request.id);
      if (error instanceof AppException) {
        if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
        sendProblem(reply, problem({ status: error.status, code: error.code, requestId, title: error.title, ...(error.detail ? { detail: error.detail } : {}) }));
      } else if (isDatabaseUnavailable(error)) {
        void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        sendProblem(reply, problem({ status: 503, code: 'service.unavailable', requestId, detail: 'The database is unavailable. Try again shortly.' }));
      } else throw error;
    }
    return true;
  }

  /** The query if the contract accepts it, else null; remembered by the URL it came in. */
  private checkedQuery(request: FastifyRequest): AvailabilityQuery | null {
    const known = this.queries.get(request.url);
    if (known !== undefined) return known;
    const checked = AvailabilityQuery.validate({ ...(request.query as Record<string, unknown>) });
    const query = checked.ok ? checked.value : null;
    if (this.queries.size >= REMEMBERED_QUERIES) this.queries.clear();
    this.queries.set(request.url, query);
    return query;
  }
}

function sendProblem(reply: FastifyReply, body: ProblemDetails): void {
  void reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/** Installs the fast path; `resolve` returns the instance once the application has been built. */
export function registerAvailabilityFastPath(fastify: FastifyInstance, resolve: () => AvailabilityFastPath | null): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const fastPath = resolve();
    if (!fastPath || request.routeOptions.url !== AVAILABILITY_ROUTE) return done();
    fastPath.answer(request, reply).then(
      (answered) => {
        if (!answered) done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
