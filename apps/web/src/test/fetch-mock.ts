import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@vaccinate/api-contracts';
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function problemResponse(problem: Partial<ProblemDetails> & Pick<ProblemDetails, 'status' | 'code'>): Response {
  const body: ProblemDetails = { type: 'about:blank', title: 'Problem', requestId: 'req-1', ...problem };
  return new Response(JSON.stringify(body), { status: problem.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

/**
 * A fetch double answering by "METHOD /path" (query string ignored for matching) and recording
 * every request, so tests can assert on what was sent. Unmatched requests answer 404.
 */
export function createFetchMock(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const rawBody = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      headers,
      body: rawBody === undefined ? undefined : (JSON.parse(rawBody) as unknown),
    };
    requests.push(request);
    const path = new URL(url, 'http://test.invalid').pathname;
    const handler = routes[`${request.method} ${path}`];
    return handler ? handler(request) : problemResponse({ status: 404, code: 'route.not_found' });
  });
  return { fetch: fetchMock as unknown as typeof fetch, requests };
}
