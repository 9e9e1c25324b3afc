import { Injectable } from '@nestjs/common';
import { AvailabilityQuery, PROBLEM_CONTENT_TYPE } from '@vaccinate/api-contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { knownProblem } from '../../common/problem/known-problem';
import { RateLimiter } from '../../common/rate-limit';
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
      const known = knownProblem(error, String(request.id));
      if (!known) throw error;
      if (known.retryAfterSeconds !== undefined) void reply.header('retry-after', String(known.retryAfterSeconds));
      void reply.code(known.body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(known.body);
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
