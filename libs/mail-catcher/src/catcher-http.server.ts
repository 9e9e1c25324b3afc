import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { summarize } from './caught-message';
import { mailHtmlForViewer, renderMessageList, renderMessagePage } from './catcher-page';
import type { CaughtMessage } from './caught-message';
import type { CaughtStore } from './caught-store';

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'";
// The mail's HTML runs with no script and an opaque origin even if it is opened outside the iframe.
const MAIL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https: http:; font-src https:";
const RENDERABLE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Only loopback names: a page on another site must not read the mails through DNS rebinding. */
const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

type Route = (request: IncomingMessage, response: ServerResponse, params: string[]) => void;

export function createCatcherHttpServer(store: CaughtStore<CaughtMessage>): Server {
  const routes: [string, RegExp, Route][] = [
    ['GET', /^\/$/, (_request, response) => send(response, 200, 'text/html; charset=utf-8', renderMessageList(store.list()), PAGE_POLICY)],
    [
      'GET',
      /^\/messages\/([^/]+)$/,
      (_request, response, [id]) => {
        const message = store.get(id ?? '');
        if (!message) return notFound(response);
        send(response, 200, 'text/html; charset=utf-8', renderMessagePage(message), PAGE_POLICY);
      },
    ],
    [
      'GET',
      /^\/messages\/([^/]+)\/html$/,
      (_request, response, [id]) => {
        const message = store.get(id ?? '');
        if (!message?.html) return notFound(response);
        send(response, 200, 'text/html; charset=utf-8', mailHtmlForViewer(message), MAIL_POLICY, 'SAMEORIGIN');
      },
    ],
    ['GET', /^\/api\/messages$/, (_request, response) => json(response, 200, store.list().map(summarize))],
    [
      'DELETE',
      /^\/api\/messages$/,
      (_request, response) => {
        store.clear();
        response.writeHead(204, securityHeaders()).end();
      },
    ],
    [
      'GET',
      /^\/api\/messages\/([^/]+)$/,
      (_request, response, [id]) => {
        const message = store.get(id ?? '');
        if (!message) return notFound(response);
        json(response, 200, {
          ...summarize(message),
          envelope: message.envelope,
          messageId: message.messageId ?? null,
          html: message.html ?? null,
          text: message.text ?? null,
        });
      },
    ],
    [
      'GET',
      /^\/api\/messages\/([^/]+)\/attachments\/(\d{1,3})$/,
      (_request, response, [id, index]) => {
        const attachment = store.get(id ?? '')?.attachments[Number(index)];
        if (!attachment) return notFound(response);
        const type = RENDERABLE_TYPES.has(attachment.contentType.toLowerCase()) ? attachment.contentType : 'application/octet-stream';
        response.writeHead(200, {
          ...securityHeaders("sandbox; default-src 'none'"),
          'content-type': type,
          'content-length': attachment.content.length,
          'content-disposition': `attachment; filename="${asciiFallback(attachment.filename)}"; filename*=UTF-8''${encodeRfc5987(attachment.filename)}`,
          // The sandboxed mail frame has an opaque origin and still loads its inline images from here.
          'cross-origin-resource-policy': 'cross-origin',
        });
        response.end(attachment.content);
      },
    ],
  ];

  return createServer((request, response) => {
    if (!LOOPBACK_HOST.test(request.headers.host ?? '')) {
      return send(response, 421, 'text/plain; charset=utf-8', 'The mail catcher answers only on localhost.\n');
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    let pathMatched = false;
    for (const [method, pattern, route] of routes) {
      const match = pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (method !== request.method && !(method === 'GET' && request.method === 'HEAD')) continue;
      return route(request, response, match.slice(1).map(decodeSegment));
    }
    if (pathMatched) return json(response, 405, { error: 'method not allowed' });
    notFound(response);
  });
}

function securityHeaders(policy: string = PAGE_POLICY, frameOptions = 'DENY'): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': frameOptions,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function send(response: ServerResponse, status: number, type: string, body: string, policy?: string, frameOptions?: string): void {
  response.writeHead(status, { ...securityHeaders(policy, frameOptions), 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function notFound(response: ServerResponse): void {
  json(response, 404, { error: 'not found' });
}

function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return '';
  }
}

function asciiFallback(filename: string): string {
  return filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

function encodeRfc5987(filename: string): string {
  return encodeURIComponent(filename).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
