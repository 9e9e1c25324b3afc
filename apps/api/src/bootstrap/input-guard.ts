import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { ValidationException } from '../common/problem/app-exception';
import { SMS_CALLBACK_PATHS } from '../modules/standby/sms/sms-status';
import { MAX_JSON_DEPTH, inputShapeProblems, jsonDepthExceeds } from '../common/problem/input-shape';

/** Routes that take a form body besides JSON (see SMS_CALLBACK_PATHS). */
const FORM_ROUTES = new Set<string>(Object.values(SMS_CALLBACK_PATHS));

/**
 * The API's edge for input no route accepts, before any handler runs: JSON nested deeper than
 * MAX_JSON_DEPTH is refused before parsing; NUL, lone surrogates and unsafe numbers anywhere in
 * the body, query or path parameters are refused after. Each answers 400 naming the field.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  // Fastify's own parser keeps its prototype-poisoning protection; this one only looks at depth first.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // JSON is the body this API reads (and forms on the routes below); anything else is a 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text)) {
      done(new ValidationException([{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  // SMS providers post their status callbacks as forms: read on those routes only.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    if (!FORM_ROUTES.has(request.routeOptions.url ?? '')) {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
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
