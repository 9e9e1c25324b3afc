import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '@vaccinate/mail-catcher';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';

const API_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const MAILER_MAIN = join(__dirname, '..', '..', '..', 'mailer', 'dist', 'main.js');
const GATEWAY_MAIN = join(__dirname, '..', 'support', 'traced-gateway.mjs');

interface ReceivedSpan {
  /** The `service.name` of the process that sent it: api, mailer, gateway. */
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A stand-in OTLP/HTTP collector on loopback: keeps every span the exporter posts (JSON encoding). */
async function startCollector(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { resource: { attributes: ReceivedSpan['attributes'] }; scopeSpans: { spans: Omit<ReceivedSpan, 'service'>[] }[] }[];
        };
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = String(resource.attributes.find((a) => a.key === 'service.name')?.value['stringValue']);
          for (const scope of scopeSpans) spans.push(...scope.spans.map((span) => ({ ...span, service })));
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

/** Starts a built service (`dist/main.js`) as its own process, so its tracing starts before the modules it patches. */
async function spawnService(main: string, env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
  await waitUpTo(120_000, async () => (await fetch(readyUrl).catch(() => undefined))?.ok === true);
  return child;
}

async function stopService(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Polls until `done` holds or the time is up; the assertions after it judge what arrived. */
async function waitUpTo(ms: number, done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + ms; !(await done()) && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50));
}

const SERVER_KIND = 2;
const CLIENT_KIND = 3;
const attribute = (span: ReceivedSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;
const isDatabase = (span: ReceivedSpan) => attribute(span, 'db.system') !== undefined || attribute(span, 'db.system.name') !== undefined;

describe('traces of a booking', () => {
  let setup: RunningApi;
  let catalogue: Catalogue;
  let slotId: string;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let catcher: MailCatcher;
  let mailer: ChildProcess | undefined;
  let api: ChildProcess | undefined;
  let gateway: ChildProcess | undefined;
  let tracedApi: RunningApi;
  let gatewayUrl: string;

  beforeAll(async () => {
    collector = await startCollector();
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    setup = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'tracing'), { CAPTCHA_MAX_NUMBER: '100' });
    const doctor = await staffToken(setup, ['doctor']);
    catalogue = await createCatalogue(setup, doctor);
    const day = await createDay(setup, doctor, { siteId: catalogue.site.id, date: inDays(6), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    slotId = day.slots[0]?.id ?? '';

    // The traced services run as processes of their own: tracing starts before the modules it patches load.
    // They start side by side (each takes seconds on a loaded machine); every port is chosen first.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const mailerKey = randomBytes(24).toString('base64url');
    const [mailerPort, apiPort, gatewayPort, certificatesPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    // The local gateway in front, as under npm start: the tenant is found by the Host it is asked on.
    const routes = {
      directory: {
        version: 1,
        tenants: [
          {
            slug: 'tracing',
            displayName: 'Tracing',
            domains: ['127.0.0.1'],
            apiBaseUrl: '/api',
            branding: { primaryColor: '#123456', accentColor: '#654321' },
            defaultLocale: 'en',
          },
        ],
      },
      apiPorts: { tracing: apiPort },
      webRoot: join(__dirname, 'no-web-app'),
      certificatesPort,
    };
    [mailer, api, gateway] = await Promise.all([
      spawnService(
        MAILER_MAIN,
        { ...tracing, PORT: String(mailerPort), MAIL_FROM: 'no-reply@vaccinate.example', SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, MAILER_API_KEY: mailerKey },
        `http://127.0.0.1:${mailerPort}/health/ready`,
      ),
      spawnService(
        API_MAIN,
        {
          ...setup.tenant.environment,
          ...tracing,
          PORT: String(apiPort),
          CAPTCHA_MAX_NUMBER: '100',
          MAILER_URL: `http://127.0.0.1:${mailerPort}`,
          MAILER_API_KEY: mailerKey,
        },
        `${baseUrl}/api/health/live`,
      ),
      spawnService(GATEWAY_MAIN, { ...tracing, PORT: String(gatewayPort), GATEWAY_ROUTES: JSON.stringify(routes) }, `${gatewayUrl}/tenant-directory.json`),
    ]);
    tracedApi = {
      ...setup,
      baseUrl,
      request: (path, init = {}) =>
        fetch(`${baseUrl}${path}`, {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        }),
    };
  }, 180_000);
  afterAll(async () => {
    await stopService(gateway);
    await stopService(api);
    await stopService(mailer);
    await setup?.close();
    await catcher?.stop();
    collector?.server.close();
  });

  it("carries the caller's trace through the API and Postgres to the mailer", async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const traceparent = `00-${traceId}-${callerSpanId}-01`;
    // Only the booking itself carries the caller's traceparent; the captcha challenge before it does not.
    const booked = await book(
      {
        ...tracedApi,
        request: (path, init = {}) => tracedApi.request(path, { ...init, headers: { ...init.headers, ...(path === '/api/bookings' ? { traceparent } : {}) } }),
      },
      { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() },
    );
    expect(booked.status).toBe(201);

    // The exporters send every 200 ms; the confirmation mail leaves through the outbox after the request ended.
    const ours = () => collector.spans.filter((span) => span.traceId === traceId);
    const isApiServer = (span: ReceivedSpan) => span.kind === SERVER_KIND && span.parentSpanId === callerSpanId;
    const isDelivery = (span: ReceivedSpan) => span.name === 'POST mailer /v1/messages';
    const delivery = () => ours().find(isDelivery);
    const isMailerServer = (span: ReceivedSpan) => span.kind === SERVER_KIND && span.parentSpanId !== undefined && span.parentSpanId === delivery()?.spanId;
    await waitUpTo(15_000, () => [isDatabase, isApiServer, isDelivery, isMailerServer].every((check) => ours().some(check)));

    expect(ours().find(isApiServer), 'an API server span whose parent is the caller').toBeDefined();
    const database = ours().filter(isDatabase);
    expect(database.length).toBeGreaterThan(0);
    expect(database.every((span) => span.kind === CLIENT_KIND)).toBe(true);
    expect(delivery()?.kind).toBe(CLIENT_KIND);
    expect(ours().find(isMailerServer), "the mailer's server span, a child of the API's delivery span").toBeDefined();
    // Statement parameters are never exported: they carry personal data.
    expect(JSON.stringify(ours())).not.toContain('Mustermann');
  });

  it('follows one booking from the gateway through the API and Postgres to the mailer under one trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const traceparent = `00-${traceId}-${callerSpanId}-01`;
    const throughGateway: RunningApi = {
      ...tracedApi,
      baseUrl: gatewayUrl,
      request: (path, init = {}) => {
        const headers = { ...init.headers, ...(path === '/api/bookings' ? { traceparent } : {}) };
        return fetch(`${gatewayUrl}${path}`, {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
      },
    };
    const booked = await book(throughGateway, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() });
    expect(booked.status).toBe(201);

    // Judged by what each process reports, not by how the API queues its mail.
    const ours = () => collector.spans.filter((span) => span.traceId === traceId);
    const byId = (spanId: string | undefined) => ours().find((span) => span.spanId === spanId);
    const gatewayServer = () => ours().find((span) => span.service === 'gateway' && span.kind === SERVER_KIND && span.parentSpanId === callerSpanId);
    const gatewayClient = () =>
      ours().find((span) => span.service === 'gateway' && span.kind === CLIENT_KIND && span.parentSpanId !== undefined && byId(span.parentSpanId)?.service === 'gateway');
    const apiServer = () =>
      ours().find((span) => span.service === 'api' && span.kind === SERVER_KIND && span.parentSpanId !== undefined && span.parentSpanId === gatewayClient()?.spanId);
    const mailerServer = () => ours().find((span) => span.service === 'mailer' && span.kind === SERVER_KIND);
    const database = () => ours().filter((span) => span.service === 'api' && isDatabase(span));
    // The mailer's span can be exported before its parent: the API's job span ends only after the mailer answered.
    const mailerCaller = () => byId(mailerServer()?.parentSpanId);
    await waitUpTo(20_000, () => [gatewayServer, gatewayClient, apiServer, mailerServer, mailerCaller].every((find) => find() !== undefined) && database().length > 0);

    expect(gatewayServer(), "the gateway's server span, a child of the caller's").toBeDefined();
    expect(gatewayClient(), "the gateway's call to the API, inside its server span").toBeDefined();
    expect(apiServer(), "the API's server span, a child of the gateway's call").toBeDefined();
    expect(database().length, 'Postgres statements of the booking').toBeGreaterThan(0);
    const mailer = mailerServer();
    expect(mailer, "the mailer's server span in the same trace").toBeDefined();
    // The mail leaves after the answer: the mailer's caller is an API span of its own (the mail job), not the request's.
    const mailJob = mailerCaller();
    expect(mailJob?.service).toBe('api');
    expect(mailJob?.spanId).not.toBe(apiServer()?.spanId);
    expect(JSON.stringify(ours())).not.toContain('Mustermann');
  });

  it('puts the trace id in a problem answer', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await tracedApi.request('/api/bookings', {
      body: { person: {} },
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, 'idempotency-key': randomBytes(8).toString('hex') },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { traceId?: string }).traceId).toBe(traceId);
  });

  it('starts no trace of its own for the job queue polling and idle ticks', async () => {
    // pg-boss polls its queues every few seconds and the allocator ticks every second.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const statementsWithoutCaller = collector.spans.filter((span) => span.service === 'api' && !span.parentSpanId && span.name.startsWith('pg'));
    expect(statementsWithoutCaller.map((span) => span.name)).toEqual([]);
  });
});
