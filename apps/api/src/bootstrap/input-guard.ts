import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationException } from '../common/problem/app-exception';
import { MAX_JSON_DEPTH, inputShapeProblems, jsonDepthExceeds } from '../common/problem/input-shape';

/**
 * The API's edge for input no route accepts, before any handler runs: JSON nested deeper than
 * MAX_JSON_DEPTH is refused before parsing; NUL, lone surrogates and unsafe numbers anywhere in
 * the body, query or path parameters are refused after. Each answers 400 naming the field.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  // Fastify's own parser keeps its prototype-poisoning protection; this one only looks at depth first.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // JSON is the only body this API reads; anything else is a 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text)) {
      done(new ValidationException([{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems = [
      ...inputShapeProblems(request.params),
      ...inputShapeProblems(request.query),
      ...(request.body === undefined ? [] : inputShapeProblems(request.body)),
    ];
    done(problems.length > 0 ? new ValidationException(problems) : undefined);
  });
}
