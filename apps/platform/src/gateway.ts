import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import replyFrom from '@fastify/reply-from';
import fastifyStatic from '@fastify/static';
import { edgeErrorHandlers, problem, problemForStatus, sendProblem, statusCodeOf } from '@vaccinate/http-edge';
import { findTenantByHost, type TenantDirectory } from '@vaccinate/tenant-directory';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from './security-headers';

export interface GatewayRoutes {
  directory: TenantDirectory;
  /** API port per tenant slug. */
  apiPorts: Map<string, number>;
  webRoot: string;
  /** Port of the certificates function, which answers `/v1/certificates/*` on every tenant host. */
  certificatesPort: number;
}

/**
 * The most any service behind the gateway reads (the API and the certificates function take 64 KiB).
 * The gateway refuses larger bodies itself: a service that refuses one closes while the upload is
 * still arriving, and its answer can then be lost in the reset.
 */
export const GATEWAY_BODY_LIMIT_BYTES = 64 * 1024;

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

/** Raised by the gateway itself; the error handler answers it as a problem. */
class GatewayRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    override readonly message: string,
  ) {
    super(message);
  }
}

const tooLarge = () => new GatewayRefusal(413, 'request.too_large', 'Request too large', `The body must be at most ${GATEWAY_BODY_LIMIT_BYTES} bytes.`);
const unknownTenant = () => new GatewayRefusal(404, 'tenant.unknown', 'No vaccination center at this address', 'Check the address you were given.');

/**
 * What the ingress does in Kubernetes: `<slug>.localhost/api/*` (and the tenant's
 * `/.well-known/jwks.json`) goes to that tenant's API,
 * `/v1/certificates/*` goes to the certificates function (the platform chart's Ingress does the same),
 * `/tenant-directory.json` is the directory, everything else is the web app.
 * Bodies are read whole (64 KiB at most) before they are forwarded, so a refusal is never lost in an upload.
 */
export function createGateway(routes: GatewayRoutes): FastifyInstance {
  const directoryJson = JSON.stringify(routes.directory);
  const app = Fastify({ logger: false, bodyLimit: GATEWAY_BODY_LIMIT_BYTES, genReqId: () => randomUUID(), ...edgeErrorHandlers(SECURITY_HEADERS) });
  // Bodies pass through as bytes: the services behind judge them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    // Fastify checks the path's escapes, not the query's; the proxy would fail on them with a 500.
    if (!hasValidEscapes(request.url)) return done(badEscape());
    // Also for a GET, whose body Fastify never reads: announced too large is refused at once.
    done(Number(request.headers['content-length'] ?? 0) > GATEWAY_BODY_LIMIT_BYTES ? tooLarge() : undefined);
  });
  app.setErrorHandler((error, request, reply) => answerProblem(request, reply, error));

  // Node's http client, not undici: the HTTP instrumentation then traces the hop and sends `traceparent` on.
  void app.register(replyFrom, { http: {}, disableRequestLogging: true, retryMethods: [] });

  app.get('/tenant-directory.json', async (_request, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-cache').send(directoryJson),
  );

  const toApi = (request: FastifyRequest, reply: FastifyReply) => {
    const tenant = findTenantByHost(routes.directory, request.headers.host ?? '');
    const port = tenant ? routes.apiPorts.get(tenant.slug) : undefined;
    if (!port) throw unknownTenant();
    return proxy(request, reply, port, { noStoreByDefault: request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?') });
  };
  for (const url of ['/api', '/api/*', '/.well-known/jwks.json', '/.well-known/crl/*']) app.all(url, toApi);
  app.all('/v1/certificates/*', (request, reply) => {
    if (!findTenantByHost(routes.directory, request.headers.host ?? '')) throw unknownTenant();
    return proxy(request, reply, routes.certificatesPort, { noStoreByDefault: false });
  });

  void app.register(fastifyStatic, {
    root: routes.webRoot,
    cacheControl: false,
    // `/` is the app's start page; a folder without one falls through to the app below.
    index: 'index.html',
    setHeaders: (reply, path) => void reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // Any other page is the app's own route: index.html, so a reload works.
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new GatewayRefusal(404, 'route.not_found', 'Not found', 'Nothing is served here for this method.');
    if (!(await isFile(join(routes.webRoot, 'index.html')))) {
      return reply.status(503).header('content-type', 'text/plain; charset=utf-8').send('The web app is not built. Run `npm run build` (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}

function proxy(request: FastifyRequest, reply: FastifyReply, port: number, options: { noStoreByDefault: boolean }): FastifyReply {
  return reply.from(`http://127.0.0.1:${port}${request.url}`, {
    // The bytes as they came, under their own type: reply-from would re-encode a JSON body.
    ...(Buffer.isBuffer(request.body) ? { body: request.body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : {}),
    rewriteRequestHeaders: (incoming, headers) => {
      // The body is forwarded as read, its length set anew; a GET's unread body is not forwarded at all.
      const dropped = new Set([...HOP_BY_HOP, ...(incoming.body === undefined ? ['content-length'] : [])]);
      const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name)));
      // The tenant is chosen by the Host, as the ingress does; the gateway is the edge, so what a
      // client claims about forwarding is replaced, not trusted.
      forwarded['host'] = incoming.headers.host ?? '';
      forwarded['x-forwarded-for'] = incoming.socket.remoteAddress ?? '127.0.0.1';
      forwarded['x-forwarded-host'] = incoming.headers.host ?? '';
      forwarded['x-forwarded-proto'] = 'http';
      forwarded['x-request-id'] = String(incoming.id);
      return forwarded;
    },
    rewriteHeaders: (headers) => (options.noStoreByDefault && headers['cache-control'] === undefined ? { ...headers, 'cache-control': 'no-store' } : headers),
    onError: () =>
      void answerProblem(
        request,
        reply,
        new GatewayRefusal(502, 'gateway.upstream_unavailable', 'Service unavailable', 'The service is restarting. Try again in a moment.'),
      ),
  });
}

function hasValidEscapes(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

function badEscape(): GatewayRefusal {
  return new GatewayRefusal(400, 'request.bad_url', 'Bad request', 'The address has an invalid %-escape.');
}

function answerProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const requestId = String(request.id);
  const status = error instanceof GatewayRefusal ? error.status : (statusCodeOf(error) ?? 500);
  const body =
    error instanceof GatewayRefusal
      ? problem({ status, code: error.code, title: error.title, detail: error.message, requestId })
      : status < 500
        ? problemForStatus(status, requestId)
        : problem({ status: 500, code: 'internal', requestId, detail: 'The page could not be served.' });
  // A body refused half-way was not read to its end: the connection cannot carry another request.
  if (status === 413) void reply.header('connection', 'close');
  return sendProblem(reply.headers(SECURITY_HEADERS), body);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
