import { randomUUID } from 'node:crypto';
import { STATUS_CODES, createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { findTenantByHost, type TenantDirectory } from '@vaccinate/tenant-directory';
import { SECURITY_HEADERS } from './security-headers';
import { serveWebApp } from './static-files';

export interface GatewayRoutes {
  directory: TenantDirectory;
  /** API port per tenant slug. */
  apiPorts: Map<string, number>;
  webRoot: string;
  /** Port of the certificates function, which answers `/v1/certificates/*` on every tenant host. */
  certificatesPort: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * The most any service behind the gateway reads (the API and the certificates function take 64 KiB).
 * The gateway refuses larger bodies itself: a service that refuses one closes while the upload is
 * still arriving, and its answer can then be lost in the reset.
 */
export const GATEWAY_BODY_LIMIT_BYTES = 64 * 1024;


/**
 * What the ingress does in Kubernetes: `<slug>.localhost/api/*` (and the tenant's
 * `/.well-known/jwks.json`) goes to that tenant's API,
 * `/v1/certificates/*` goes to the certificates function (the platform chart's Ingress does the same),
 * `/tenant-directory.json` is the directory, everything else is the web app.
 */
export function createGateway(routes: GatewayRoutes): Server {
  const directoryJson = JSON.stringify(routes.directory);
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (!decodes(path)) {
      return problem(response, 400, 'request.bad_url', 'Bad request', 'The address has an invalid %-escape.');
    }
    if (Number(request.headers['content-length'] ?? 0) > GATEWAY_BODY_LIMIT_BYTES) return tooLarge(response);
    if (path === '/tenant-directory.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(directoryJson);
      return;
    }
    if (path === '/api' || path.startsWith('/api/') || path === '/.well-known/jwks.json' || path.startsWith('/.well-known/crl/')) {
      const tenant = findTenantByHost(routes.directory, request.headers.host ?? '');
      const port = tenant ? routes.apiPorts.get(tenant.slug) : undefined;
      if (!port) return unknownTenant(response);
      return proxy(request, response, port, { noStoreByDefault: path.startsWith('/api') });
    }
    if (path.startsWith('/v1/certificates/')) {
      if (!findTenantByHost(routes.directory, request.headers.host ?? '')) return unknownTenant(response);
      return proxy(request, response, routes.certificatesPort, { noStoreByDefault: false });
    }
    serveWebApp(routes.webRoot, path, response).catch(() => {
      if (response.headersSent) return response.destroy();
      problem(response, 500, 'internal', 'Internal error', 'The page could not be served.');
    });
  });
  server.on('clientError', answerClientError);
  return server;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function proxy(request: IncomingMessage, response: ServerResponse, port: number, options: { noStoreByDefault: boolean }): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  // The gateway is the edge: what a client claims about forwarding is replaced, not trusted.
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '127.0.0.1';
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers['x-request-id'] = randomUUID();
  let answered = false;
  let refused = false;
  const upstream = forward({ host: '127.0.0.1', port, method: request.method, path: request.url, headers }, (answer) => {
    answered = true;
    if (refused) return answer.resume();
    const answerHeaders = { ...answer.headers };
    if (options.noStoreByDefault && answerHeaders['cache-control'] === undefined) answerHeaders['cache-control'] = 'no-store';
    response.writeHead(answer.statusCode ?? 502, answerHeaders);
    answer.on('aborted', () => response.destroy());
    answer.pipe(response);
  });
  upstream.on('error', () => {
    // A service that refuses a body (413) may close before reading all of it: its answer stands.
    if (answered || refused) return;
    if (response.headersSent) return response.destroy();
    problem(response, 502, 'gateway.upstream_unavailable', 'Service unavailable', 'The service is restarting. Try again in a moment.');
  });
  // A body sent in chunks has no length to check up front: count it on the way through.
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received <= GATEWAY_BODY_LIMIT_BYTES || refused) return;
    refused = true;
    upstream.destroy();
    request.unpipe(upstream);
    if (!answered && !response.headersSent) tooLarge(response);
  });
  request.pipe(upstream);
}

function tooLarge(response: ServerResponse): void {
  response.setHeader('connection', 'close');
  problem(response, 413, 'request.too_large', 'Request too large', `The body must be at most ${GATEWAY_BODY_LIMIT_BYTES} bytes.`);
}

function unknownTenant(response: ServerResponse): void {
  problem(response, 404, 'tenant.unknown', 'No vaccination center at this address', 'Check the address you were given.');
}

function problemBody(status: number, code: string, title: string, detail: string): string {
  return JSON.stringify({ type: `https://vaccinate.example/problems/${code.replace(/\./g, '-')}`, title, status, code, detail, requestId: randomUUID() });
}

function problem(response: ServerResponse, status: number, code: string, title: string, detail: string): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(problemBody(status, code, title, detail));
}

/** Node refuses some requests before they reach the handler (headers too large, not HTTP): answer those as problems too. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A parse failure behind an answer already under way (an unread body): that answer stands and closes.
  const answerUnderWay = Boolean((socket as Socket & { _httpMessage?: unknown })._httpMessage);
  if (error.code === 'ECONNRESET' || socket.destroyed || answerUnderWay) return;
  const [status, code, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.headers_too_large', 'Request headers too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.timeout', 'Request timeout']
        : [400, 'request.malformed', 'Bad request'];
  const body = problemBody(status, code, title, 'The request could not be read.');
  const security = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  if (!socket.writable) return void socket.destroy();
  // end(), not destroy(): a client still sending its body then reads the answer instead of a reset.
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n${security}connection: close\r\n\r\n${body}`,
  );
}
