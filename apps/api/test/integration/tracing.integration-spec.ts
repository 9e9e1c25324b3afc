import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';
import { eventually } from '../support/waiting-list-fixture';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

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

/** A stand-in mailer: answers 202 and keeps the `traceparent` each delivery carried. */
async function startMailer(): Promise<{ url: string; traceParents: string[]; server: Server }> {
  const traceParents: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      traceParents.push(String(request.headers['traceparent'] ?? ''));
      response.writeHead(202, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, traceParents, server };
}

/** Polls until `done` holds or ten seconds pass; the assertions after it judge what arrived. */
async function waitUpTo10s(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !done() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
}

const SERVER_KIND = 2;
const CLIENT_KIND = 3;
const attribute = (span: ReceivedSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;

describe('traces of a booking', () => {
  let setup: RunningApi;
  let catalogue: Catalogue;
  let slotId: string;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let mailer: Awaited<ReturnType<typeof startMailer>>;
  let traced: ChildProcess | undefined;
  let tracedApi: RunningApi;

  beforeAll(async () => {
    collector = await startCollector();
    mailer = await startMailer();
    setup = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'tracing'), { CAPTCHA_MAX_NUMBER: '100' });
    const doctor = await staffToken(setup, ['doctor']);
    catalogue = await createCatalogue(setup, doctor);
    const day = await createDay(setup, doctor, { siteId: catalogue.site.id, date: inDays(6), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    slotId = day.slots[0]?.id ?? '';

    // Tracing starts in the API process before Nest and pg load, so the traced API runs as its own process.
    const port = await freePort();
    traced = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        ...setup.tenant.environment,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        CAPTCHA_MAX_NUMBER: '100',
        MAILER_URL: mailer.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      stdio: 'ignore',
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${baseUrl}/api/health/live`).catch(() => undefined))?.ok === true, 100);
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
    if (traced && traced.exitCode === null) {
      traced.kill('SIGTERM');
      await once(traced, 'exit');
    }
    await setup?.close();
    collector?.server.close();
    mailer?.server.close();
  });

  it("continues the caller's trace through the HTTP server span to Postgres", async () => {
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

    // The exporter sends every 200 ms; the confirmation mail leaves through the outbox after the request ended.
    const ours = () => collector.spans.filter((span) => span.traceId === traceId);
    const isDatabase = (span: ReceivedSpan) => attribute(span, 'db.system') !== undefined || attribute(span, 'db.system.name') !== undefined;
    const isServer = (span: ReceivedSpan) => span.kind === SERVER_KIND && span.parentSpanId === callerSpanId;
    const isDelivery = (span: ReceivedSpan) => span.name === 'POST mailer /v1/messages';
    await waitUpTo10s(() => [isDatabase, isServer, isDelivery].every((check) => ours().some(check)) && mailer.traceParents.some((value) => value.includes(traceId)));
    const server = ours().find(isServer);
    expect(server, 'an HTTP server span whose parent is the caller').toBeDefined();
    const database = ours().filter(isDatabase);
    expect(database.length).toBeGreaterThan(0);
    expect(database.every((span) => span.kind === CLIENT_KIND)).toBe(true);
    // The mailer is called from the delivery span, in the caller's trace.
    const delivery = ours().find(isDelivery);
    expect(delivery?.kind).toBe(CLIENT_KIND);
    expect(mailer.traceParents).toContain(`00-${traceId}-${delivery?.spanId}-01`);
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
