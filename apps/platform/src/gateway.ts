import { randomUUID } from 'node:crypto';
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { findTenantByHost, type TenantDirectory } from '@vaccinate/tenant-directory';
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
 * What the ingress does in Kubernetes: `<slug>.localhost/api/*` (and the tenant's
 * `/.well-known/jwks.json`) goes to that tenant's API,
 * `/v1/certificates/*` goes to the certificates function (the platform chart's Ingress does the same),
 * `/tenant-directory.json` is the directory, everything else is the web app.
 */
export function createGateway(routes: GatewayRoutes): Server {
  const directoryJson = JSON.stringify(routes.directory);
  return createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/tenant-directory.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(directoryJson);
      return;
    }
    if (path === '/api' || path.startsWith('/api/') || path === '/.well-known/jwks.json') {
      const tenant = findTenantByHost(routes.directory, request.headers.host ?? '');
      const port = tenant ? routes.apiPorts.get(tenant.slug) : undefined;
      if (!port) return unknownTenant(response);
      return proxy(request, response, port);
    }
    if (path.startsWith('/v1/certificates/')) {
      if (!findTenantByHost(routes.directory, request.headers.host ?? '')) return unknownTenant(response);
      return proxy(request, response, routes.certificatesPort);
    }
    serveWebApp(routes.webRoot, path, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}

function proxy(request: IncomingMessage, response: ServerResponse, port: number): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  // The gateway is the edge: what a client claims about forwarding is replaced, not trusted.
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '127.0.0.1';
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers['x-request-id'] = randomUUID();
  const upstream = forward(
    { host: '127.0.0.1', port, method: request.method, path: request.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (response.headersSent) return response.destroy();
    problem(response, 502, 'gateway.upstream_unavailable', 'Service unavailable', 'The service is restarting. Try again in a moment.');
  });
  request.pipe(upstream);
}

function unknownTenant(response: ServerResponse): void {
  problem(response, 404, 'tenant.unknown', 'No vaccination center at this address', 'Check the address you were given.');
}

function problem(response: ServerResponse, status: number, code: string, title: string, detail: string): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: `https://vaccinate.example/problems/${code.replace(/\./g, '-')}`, title, status, code, detail, requestId: randomUUID() }));
}
