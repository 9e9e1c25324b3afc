import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { CertificateSigningKey, SigningKeyRing } from '../config/signing-keys';
import { TallyCounter, TallyHistogram } from './request-tally';
import { ALLOCATION_DEAD_LETTERS, ALLOCATION_QUEUE, JOB_SCHEMA } from '../modules/allocation/allocation-queue';

type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

// Labels are route templates, methods, status codes and fixed outcome words: never a value a person typed.
const BOOKING_ROUTE = '/api/bookings';
const REGISTRATION_ROUTE = '/api/registrations';

/** The API's Prometheus metrics. Request hooks only count; everything read from Postgres is read at scrape time. */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new TallyCounter<'method' | 'route' | 'status'>(
    this.registry,
    'vaccinate_http_requests_total',
    'HTTP requests by method, route template and status.',
  );
  private readonly duration = new TallyHistogram<'method' | 'route'>(
    this.registry,
    'vaccinate_http_request_duration_seconds',
    'HTTP request latency by method and route template.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  private readonly bookings = new TallyCounter<'outcome'>(
    this.registry,
    'vaccinate_bookings_total',
    'Booking attempts: booked, refused because the slot was full, or refused otherwise.',
  );
  private readonly registrations = new TallyCounter<'outcome'>(this.registry, 'vaccinate_registrations_total', 'Waiting-list registrations: accepted or refused.');

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'vaccinate_api_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const routeKey = `${method} ${route}`;
    this.requests.inc(`${routeKey} ${status}`, () => ({ method, route, status: String(status) }));
    this.duration.observe(routeKey, () => ({ method, route }), seconds);
    if (method !== 'POST') return;
    if (route === BOOKING_ROUTE) {
      const outcome = status === 201 ? 'booked' : status === 409 ? 'full' : 'refused';
      this.bookings.inc(outcome, () => ({ outcome }));
    } else if (route === REGISTRATION_ROUTE) {
      const outcome = status === 202 ? 'accepted' : 'refused';
      this.registrations.inc(outcome, () => ({ outcome }));
    }
  }

  /** Every answer, the sold-out shortcut's included, is counted once it is sent. */
  registerRequestHook(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }

  /** Pool use, mail backlog and dead letters, allocator queue depth: read from Postgres when scraped. */
  watchDatabase(pool: Pool, query: Query): void {
    const registers = [this.registry];
    new Gauge({
      name: 'vaccinate_db_pool_connections',
      help: 'Connections of the API pool: total, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'vaccinate_mail_outbox_messages',
      help: 'Mails waiting in the outbox (pending) and given up on (dead).',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const { rows } = await query(`SELECT status, count(*)::int AS count FROM outbox_message WHERE status IN ('pending', 'dead') GROUP BY status`);
        const counts: Record<string, number> = { pending: 0, dead: 0 };
        for (const row of rows) counts[String(row['status'])] = Number(row['count']);
        for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
      },
    });
    new Gauge({
      name: 'vaccinate_allocator_jobs',
      help: 'Waiting-list allocation jobs not yet done (queued) and dead letters; 0 before the allocator first starts.',
      labelNames: ['queue'] as const,
      registers,
      async collect() {
        const { rows: exists } = await query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${JOB_SCHEMA}.job`]);
        const counts: Record<string, number> = { queued: 0, dead: 0 };
        if (exists[0]?.['present'] === true) {
          const { rows } = await query(
            `SELECT name, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name IN ($1, $2) AND state IN ('created', 'retry', 'active') GROUP BY name`,
            [ALLOCATION_QUEUE, ALLOCATION_DEAD_LETTERS],
          );
          for (const row of rows) counts[row['name'] === ALLOCATION_QUEUE ? 'queued' : 'dead'] = Number(row['count']);
        }
        for (const [queue, count] of Object.entries(counts)) this.set({ queue }, count);
      },
    });
  }

  /**
   * When each certificate key's DSC lapses, labelled by the operator's key id and whether it is the
   * current one: after notAfter every certificate it signs is refused by verifiers, so the alerts
   * watch the current key's. Keys without a DSC (retired before DSCs existed) have no series.
   */
  watchCertificateSigners(ring: SigningKeyRing<CertificateSigningKey>): void {
    const gauge = new Gauge({
      name: 'vaccinate_certificate_signer_not_after_seconds',
      help: 'Unix time at which a certificate key\'s Document Signer Certificate expires; current="true" marks the key that signs.',
      labelNames: ['key', 'current'] as const,
      registers: [this.registry],
    });
    for (const key of ring.keys) {
      if (!key.signerCertificate) continue;
      gauge.set({ key: key.id, current: String(key.id === ring.current.id) }, new Date(key.signerCertificate.validTo).getTime() / 1000);
    }
  }

  /** `GET /metrics` on its own port: the Service exposes it to Prometheus only, never through the Ingress. */
  listen(port: number, host: string): Promise<Server> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }
}

const metricsOfApp = new WeakMap<object, ApiMetrics>();

/** The metrics createApp attached to an app (none when METRICS_PORT is 0). */
export function metricsOf(app: object): ApiMetrics | undefined {
  return metricsOfApp.get(app);
}

export function attachMetrics(app: object, metrics: ApiMetrics): void {
  metricsOfApp.set(app, metrics);
}
