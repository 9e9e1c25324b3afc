import { describe, expect, it } from 'vitest';
import { parseProblemResponse } from './problem-parser';

describe('parseProblemResponse', () => {
  it('reads a problem+json body with its field problems', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'The request has invalid fields',
        status: 400,
        detail: 'Correct the listed fields and try again.',
        code: 'request.invalid',
        requestId: 'req-42',
        errors: [
          { field: 'email', message: 'must be a valid e-mail address' },
          { field: 'password', message: 42 },
        ],
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
    );
    expect(await parseProblemResponse(response)).toEqual({
      type: 'about:blank',
      title: 'The request has invalid fields',
      status: 400,
      detail: 'Correct the listed fields and try again.',
      code: 'request.invalid',
      requestId: 'req-42',
      // The malformed entry is dropped rather than shown.
      errors: [{ field: 'email', message: 'must be a valid e-mail address' }],
    });
  });

  it('fills a problem from the status when the body is a proxy page', async () => {
    const response = new Response('<html><body>Bad Gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'text/html' },
    });
    expect(await parseProblemResponse(response)).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      code: 'http.502',
      requestId: '',
    });
  });

  it('survives a JSON content type with a broken body and trusts the HTTP status over the body', async () => {
    const broken = new Response('{"title": ', { status: 500, headers: { 'content-type': 'application/json' } });
    expect((await parseProblemResponse(broken)).code).toBe('http.500');

    const lying = new Response(JSON.stringify({ status: 200, code: 'person.not_found', title: 'Person not found' }), {
      status: 404,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': 'from-header' },
    });
    const problem = await parseProblemResponse(lying);
    expect(problem.status).toBe(404);
    expect(problem.code).toBe('person.not_found');
    expect(problem.requestId).toBe('from-header');
  });
});
