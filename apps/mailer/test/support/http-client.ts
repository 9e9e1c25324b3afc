import { request } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/** A bare HTTP client for tests: no retries, no redirects, raw bodies; `chunked` sends no length. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json: () => JSON.parse(text) as unknown });
      });
    });
    // A client still writing when the server refuses its body sees the socket closed after the answer.
    outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`no answer from ${url} within 30 s`)));
    if (options.body !== undefined && !options.chunked) outgoing.setHeader('content-length', Buffer.byteLength(options.body));
    if (options.body !== undefined) outgoing.write(options.body);
    outgoing.end();
  });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
