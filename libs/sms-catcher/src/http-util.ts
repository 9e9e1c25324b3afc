import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CallbackAnswer, CaughtText } from './caught-text';

/** A status callback as a provider would post it to the URL it was given. */
export interface CallbackRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A text a provider fake took, and its answer to the send request, written when `answer` is called. */
export interface TakenText {
  text: CaughtText;
  answer: () => void;
}

export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

export function basicCredentials(request: IncomingMessage): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
}

/**
 * Posts the callback to `origin` (by default the callback URL's own), on the callback URL's path, as
 * a reverse proxy in front of the API would route it. Names under `.localhost` are reached on
 * loopback, as a browser reaches them, with their Host header kept so the gateway finds the tenant.
 */
export function postCallback(callback: CallbackRequest, origin?: string): Promise<CallbackAnswer> {
  const given = new URL(callback.url);
  const target = new URL(`${given.pathname}${given.search}`, origin ?? given.origin);
  const loopback = target.hostname === 'localhost' || target.hostname.endsWith('.localhost');
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        host: loopback ? '127.0.0.1' : target.hostname,
        port: target.port || (target.protocol === 'https:' ? 443 : 80),
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: { ...callback.headers, host: target.host, 'content-length': Buffer.byteLength(callback.body) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, contentType: incoming.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(callback.body);
  });
}
