import { once } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_BODY_LIMIT_BYTES, createGateway } from '../src/gateway';
import { SECURITY_HEADERS } from '../src/security-headers';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const UPSTREAM_BODY_LIMIT = 64 * 1024;

/** Stands in for an API: refuses a large body at once without reading it, as Fastify does, and echoes the rest. */
function startUpstream(): Server {
  return createServer((incoming, outgoing) => {
    const problem = (status: number) => {
      outgoing.writeHead(status, { 'content-type': 'application/problem+json', connection: 'close' });
      outgoing.end(JSON.stringify({ status, title: 'refused' }));
    };
    if (Number(incoming.headers['content-length'] ?? 0) > UPSTREAM_BODY_LIMIT) return problem(413);
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > UPSTREAM_BODY_LIMIT && !outgoing.headersSent) {
        problem(413);
        incoming.destroy();
      }
    });
    incoming.on('end', () => {
      if (outgoing.headersSent) return;
      const cached = incoming.url === '/api/cached';
      outgoing.writeHead(200, { 'content-type': 'application/json', ...(cached ? { 'cache-control': 'public, max-age=60' } : {}) });
      outgoing.end(JSON.stringify({ size }));
    });
  }).listen(0, '127.0.0.1');
}

describe('the local gateway', () => {
  let upstream: Server;
  let gateway: FastifyInstance;
  let webRoot: string;
  let port: number;

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'gateway-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    upstream = startUpstream();
    await once(upstream, 'listening');
    const upstreamPort = (upstream.address() as AddressInfo).port;
    gateway = createGateway({
      directory: {
        version: 1,
        tenants: [
          {
            slug: 'acme',
            displayName: 'Acme',
            domains: ['acme.localhost'],
            apiBaseUrl: '/api',
            branding: { primaryColor: '#123456', accentColor: '#654321' },
            defaultLocale: 'en',
            phoneRegion: 'DE',
          },
        ],
      },
      apiPorts: new Map([['acme', upstreamPort]]),
      webRoot,
      certificatesPort: upstreamPort,
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    port = (gateway.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await gateway?.close();
    upstream?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  function send(method: string, path: string, init: { body?: Buffer; chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent: false,
          headers: {
            host: `acme.localhost:${port}`,
            ...(init.body && !init.chunked ? { 'content-length': String(init.body.length), 'content-type': 'application/json' } : {}),
            ...init.headers,
          },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      // A client still writing when the gateway refuses sees its socket closed after the answer.
      outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
      if (init.body) outgoing.write(init.body);
      outgoing.end();
    });
  }

  function expectProblem(answer: Answer, status: number): void {
    expect({ status: answer.status, type: answer.headers['content-type'] }, answer.text).toEqual({ status, type: 'application/problem+json' });
    expect(JSON.parse(answer.text)).toMatchObject({ status });
  }

  function expectSecurityHeaders(answer: Answer): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name], name).toBe(value);
  }

  it('answers a body over its limit with 413, whether its length is announced or not', async () => {
    const fiveMegabytes = Buffer.alloc(5 * 1024 * 1024, 'a');
    expectProblem(await send('POST', '/api/registrations', { body: fiveMegabytes }), 413);
    expectProblem(await send('POST', '/api/registrations', { body: fiveMegabytes, chunked: true }), 413);
    expectProblem(await send('POST', '/v1/certificates/render', { body: fiveMegabytes }), 413);
    expectProblem(await send('POST', '/api/registrations', { body: Buffer.alloc(GATEWAY_BODY_LIMIT_BYTES + 1, 'a'), chunked: true }), 413);
    expect((await send('POST', '/api/registrations', { body: Buffer.alloc(GATEWAY_BODY_LIMIT_BYTES, 'a') })).status).toBe(200);
  });

  it('answers a bad %-escape in a web or API path or query with 400', async () => {
    expectProblem(await send('GET', '/api/auth/config?%E0%A4%A=1'), 400);
    expectProblem(await send('GET', '/api/availability?productId=%ED%A0%80'), 400);
    expectProblem(await send('GET', '/%E0%A4%A'), 400);
    expectProblem(await send('GET', '/booking/%'), 400);
    expectProblem(await send('GET', '/api/sites/%zz'), 400);
    // Answered before its body is read: the unread body must not turn into a second, corrupting answer.
    expectProblem(await send('GET', '/api/sites/%?limit=-5', { body: Buffer.from('{"version":1e400}') }), 400);
    expectProblem(await send('POST', '/booking/%', { body: Buffer.from('{"a":1}'), chunked: true }), 400);
  });

  it('answers headers too large with a 431 problem', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: acme.localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    // Header names are case-insensitive: the API's and the gateway's writer is one (libs/http-edge).
    expect(raw).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
    expect(raw).toContain(`content-security-policy: ${SECURITY_HEADERS['content-security-policy']}`);
  });

  it('sends the security headers on every answer and no-store on API answers that set no caching', async () => {
    const answers = {
      start: await send('GET', '/'),
      page: await send('GET', '/booking'),
      folder: await send('GET', '/assets/'),
      asset: await send('GET', '/assets/app.js'),
      directory: await send('GET', '/tenant-directory.json'),
      api: await send('GET', '/api/catalogue'),
      cachedApi: await send('GET', '/api/cached'),
      refused: await send('GET', '/%'),
    };
    for (const answer of Object.values(answers)) expectSecurityHeaders(answer);
    expect(answers.api.headers['cache-control']).toBe('no-store');
    expect(answers.cachedApi.headers['cache-control']).toBe('public, max-age=60');
    expect(answers.asset.headers['cache-control']).toContain('immutable');
    // The start page, an app route and a bare folder are all the app's page, never refused.
    for (const answer of [answers.start, answers.page, answers.folder]) expect([answer.status, answer.text]).toEqual([200, '<!doctype html><title>app</title>']);
    expect(answers.start.headers['cache-control']).toBe('no-cache');
  });

  it('never answers a malformed request with a 5xx or an error that is not a problem (property-based)', async () => {
    const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
    console.info(`gateway fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    const segment = fc.oneof(
      fc.stringMatching(/^[a-z0-9-]{0,12}$/),
      fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%ED%A0%80', '%2e%2e', '..', '%C0%AF'),
      fc.string({ unit: 'binary', maxLength: 8 }).map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))),
    );
    const route = fc.constantFrom('', '/api', '/api/sites', '/v1/certificates', '/.well-known/crl', '/assets', '/booking');
    await fc.assert(
      fc.asyncProperty(
        route,
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom(0, 10, GATEWAY_BODY_LIMIT_BYTES, GATEWAY_BODY_LIMIT_BYTES + 1, 3 * GATEWAY_BODY_LIMIT_BYTES),
        fc.boolean(),
        async (base, segments, method, bodySize, chunked) => {
          const path = `${base}/${segments.join('/')}`;
          const answer = await send(method, path, bodySize > 0 ? { body: Buffer.alloc(bodySize, '{'), chunked } : {});
          expect(answer.status, `${method} ${path}`).toBeLessThan(500);
          expectSecurityHeaders(answer);
          if (answer.status >= 400) expect(answer.headers['content-type'], `${method} ${path}`).toBe('application/problem+json');
        },
      ),
      { seed, numRuns: Number(process.env['FUZZ_RUNS'] ?? 150) },
    );
  });
});
