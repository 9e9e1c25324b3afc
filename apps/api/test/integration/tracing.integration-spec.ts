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

interface ReceivedSpan {
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
          resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
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
  await waitUpTo(60_000, async () => (await fetch(readyUrl).catch(() => undefined))?.ok === true);
  return child;
}

async function stopService(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Polls until `done` holds or the time is up; the assertions after it judge what arrived. */
async function waitUpTo(ms: number, done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + ms; !(await done()) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
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
  let tracedApi: RunningApi;

  beforeAll(async () => {
    collector = await startCollector();
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    setup = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'tracing'), { CAPTCHA_MAX_NUMBER: '100' });
    const doctor = await staffToken(setup, ['doctor']);
    catalogue = await createCatalogue(setup, doctor);
    const day = await createDay(setup, doctor, { siteId: catalogue.site.id, date: inDays(6), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    slotId = day.slots[0]?.id ?? '';

    // Both traced services run as processes of their own: tracing starts before the modules it patches load.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const mailerKey = randomBytes(24).toString('base64url');
    const mailerPort = await freePort();
    mailer = await spawnService(
      MAILER_MAIN,
      { ...tracing, PORT: String(mailerPort), MAIL_FROM: 'no-reply@vaccinate.example', SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`, MAILER_API_KEY: mailerKey },
      `http://127.0.0.1:${mailerPort}/health/ready`,
    );
    const apiPort = await freePort();
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    api = await spawnService(
      API_MAIN,
      { ...setup.tenant.environment, ...tracing, PORT: String(apiPort), CAPTCHA_MAX_NUMBER: '100', MAILER_URL: `http://127.0.0.1:${mailerPort}`, MAILER_API_KEY: mailerKey },
      `${baseUrl}/api/health/live`,
    );
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
  });
  afterAll(async () => {
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
});
