import { describe, expect, it, vi } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../../test/fetch-mock';
import { ApiClient } from './api-client';
import { ApiNetworkError, ApiProblemError } from './api-error';

function clientWith(fetchImpl: typeof fetch, token: string | null = null, baseUrl = '/api/') {
  return new ApiClient({ baseUrl, getAccessToken: () => token, fetch: fetchImpl });
}

describe('ApiClient', () => {
  it('sends JSON with the bearer token to the tenant base URL and returns the body', async () => {
    const mock = createFetchMock({ 'POST /api/people': () => jsonResponse({ id: 'p1' }, 201) });
    const client = clientWith(mock.fetch, 'token-1');

    await expect(client.post('/people', { givenName: 'Ada' })).resolves.toEqual({ id: 'p1' });
    expect(mock.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/people',
      body: { givenName: 'Ada' },
      headers: { authorization: 'Bearer token-1', 'content-type': 'application/json' },
    });
  });

  it('builds query strings for paging and leaves the token out when nobody is signed in', async () => {
    const mock = createFetchMock({ 'GET /api/people': () => jsonResponse({ items: [], total: 0, limit: 20, offset: 40 }) });
    await clientWith(mock.fetch).get('/people', { query: { limit: 20, offset: 40, email: undefined } });
    expect(mock.requests[0]?.url).toBe('/api/people?limit=20&offset=40');
    expect(mock.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('throws a typed problem with its field problems', async () => {
    const mock = createFetchMock({
      'POST /api/auth/login': () => problemResponse({ status: 400, code: 'request.invalid', errors: [{ field: 'email', message: 'must be a valid e-mail address' }] }),
    });
    const error = await clientWith(mock.fetch)
      .post('/auth/login', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).status).toBe(400);
    expect((error as ApiProblemError).code).toBe('request.invalid');
    expect((error as ApiProblemError).fieldProblems).toEqual([{ field: 'email', message: 'must be a valid e-mail address' }]);
  });

  it('turns a failed connection into a network error', async () => {
    const failing = vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    await expect(clientWith(failing).get('/auth/me')).rejects.toBeInstanceOf(ApiNetworkError);
  });

  it('reports a refused token, but neither a failed sign-in nor a wrong current password', async () => {
    const mock = createFetchMock({
      'GET /api/auth/me': () => problemResponse({ status: 401, code: 'auth.invalid_token' }),
      'POST /api/auth/login': () => problemResponse({ status: 401, code: 'auth.invalid_credentials' }),
      'POST /api/auth/password': () => problemResponse({ status: 401, code: 'auth.invalid_credentials' }),
    });
    const onUnauthorized = vi.fn();

    const anonymous = clientWith(mock.fetch, null);
    anonymous.onUnauthorized(onUnauthorized);
    await anonymous.post('/auth/login', {}).catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();

    const signedIn = clientWith(mock.fetch, 'token-1');
    signedIn.onUnauthorized(onUnauthorized);
    await signedIn.post('/auth/password', {}).catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await signedIn.get('/auth/me').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('uses an absolute base URL as given', () => {
    const client = clientWith(vi.fn(), null, 'https://api.globex.example/api');
    expect(client.url('/people/abc')).toBe('https://api.globex.example/api/people/abc');
  });
});
