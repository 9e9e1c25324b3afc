import { ApiNetworkError, ApiProblemError, ApiTimeoutError } from './api-error';
import { parseProblemResponse } from './problem-parser';

/**
 * A 401 ends the session only when it was about the token we sent. Without a token it is a failed
 * sign-in; with this code it is a wrong current password on a password change.
 */
const WRONG_PASSWORD_CODE = 'auth.invalid_credentials';

export interface ApiClientOptions {
  /** The tenant's `apiBaseUrl`: a same-origin path such as `/api`, or an absolute URL. */
  baseUrl: string;
  /** The bearer token to send, if a staff member is signed in. */
  getAccessToken: () => string | null;
  fetch?: typeof fetch;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Query parameters; only for non-personal values such as paging. */
  query?: Record<string, string | number | undefined>;
  /** Extra headers, such as `Idempotency-Key` or `X-Manage-Token`. */
  headers?: Record<string, string>;
  /** Gives up after this long with ApiTimeoutError, so a person never waits on a hanging answer. */
  timeoutMs?: number;
}

/**
 * The one place that talks HTTP to the tenant's API: JSON in and out, the bearer token added,
 * errors turned into ApiProblemError / ApiNetworkError, and a rejected token reported once.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly unauthorizedListeners = new Set<() => void>();

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // Looked up per call and called on globalThis: a detached window.fetch throws "Illegal invocation".
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Called when the API refuses the token we sent (expired, revoked, signed by another key). */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  /** A file download (an .ics, say): the same errors as JSON calls, the body as a Blob. */
  async blob(path: string, options: RequestOptions = {}, method: HttpMethod = 'GET'): Promise<Blob> {
    const response = await this.send(method, path, options);
    return response.blob();
  }

  /** A streamed answer (server-sent events), read with the bearer token like every staff call. */
  async stream(path: string, options: RequestOptions = {}): Promise<ReadableStream<Uint8Array>> {
    const response = await this.send('GET', path, { ...options, headers: { accept: 'text/event-stream', ...options.headers } });
    if (!response.body) throw new ApiNetworkError(new Error('no stream'));
    return response.body;
  }

  url(path: string, query?: RequestOptions['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const queryString = search.toString();
    const suffix = queryString ? `?${queryString}` : '';
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}${suffix}`;
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    // The API's JSON is trusted to match the contract types; the server validates what it sends.
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
    const token = this.options.getAccessToken();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['authorization'] = `Bearer ${token}`;
    Object.assign(headers, options.headers);

    const timeout = options.timeoutMs === undefined ? null : AbortSignal.timeout(options.timeoutMs);
    const signals = [options.signal, timeout].filter((signal): signal is AbortSignal => signal !== undefined && signal !== null);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: 'same-origin',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (timeout?.aborted && options.timeoutMs !== undefined) throw new ApiTimeoutError(options.timeoutMs);
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiNetworkError(error);
    }

    if (!response.ok) {
      const problem = await parseProblemResponse(response);
      if (response.status === 401 && token && problem.code !== WRONG_PASSWORD_CODE) {
        this.unauthorizedListeners.forEach((listener) => listener());
      }
      throw new ApiProblemError(problem);
    }
    return response;
  }
}
