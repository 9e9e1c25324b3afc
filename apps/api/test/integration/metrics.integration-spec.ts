import type { Server } from 'node:http';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { metricsOf } from '../../src/metrics/api-metrics';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** One sample of the Prometheus text exposition: `name{a="b",...} value`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string | undefined> = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] ?? '', m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics', () => {
  let api: RunningApi;
  let doctor: string;
  let catalogue: Catalogue;
  let server: Server;
  let metricsUrl: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'metrics'), { CAPTCHA_MAX_NUMBER: '200', METRICS_PORT: '9464' });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
    const metrics = metricsOf(api.app);
    if (!metrics) throw new Error('METRICS_PORT is set, yet the app has no metrics');
    server = await metrics.listen(0, '127.0.0.1');
    const address = server.address();
    metricsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/metrics`;
  });
  afterAll(async () => {
    server?.close();
    await api?.close();
  });

  const scrape = async (): Promise<string> => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts a booking, a refusal for a full slot, the request by its route template, and the mail it queued', async () => {
    const before = await scrape();
    const booked = (text: string, outcome: string) => sample(text, 'vaccinate_bookings_total', { outcome }) ?? 0;
    const day = await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(6),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }],
      capacity: { first: 1, followUp: 1, booster: 1 },
    });
    const slotId = day.slots[0]?.id ?? '';
    const someone = person({ givenName: 'Hildegard', familyName: 'Knef' });
    expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: someone })).status).toBe(201);
    expect((await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person() })).status).toBe(409);

    const after = await scrape();
    expect(booked(after, 'booked') - booked(before, 'booked')).toBe(1);
    expect(booked(after, 'full') - booked(before, 'full')).toBe(1);
    expect(sample(after, 'vaccinate_http_requests_total', { method: 'POST', route: '/api/bookings', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'vaccinate_http_request_duration_seconds_count', { method: 'POST', route: '/api/bookings' })).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'vaccinate_mail_outbox_messages', { status: 'pending' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'vaccinate_mail_outbox_messages', { status: 'dead' })).toBe(0);
    expect(sample(after, 'vaccinate_allocator_jobs', { queue: 'queued' })).toBe(0);
    expect(sample(after, 'vaccinate_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    // Route templates only: no id, slot, name or address a person sent.
    expect(after).not.toContain(slotId);
    for (const personal of [someone.familyName, someone.email, someone.birthDate]) expect(after).not.toContain(personal);
  });

  it('labels a request by its template, never the path it was sent to', async () => {
    await api.request(`/api/vaccination-days/${catalogue.site.id}`, { token: doctor });
    await api.request('/api/no-such-route/erika.mustermann@acme.example');
    const text = await scrape();
    expect(text).toContain('route="/api/vaccination-days/:id"');
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(catalogue.site.id);
    expect(text).not.toContain('erika.mustermann');
  });

  it('writes text that a Prometheus exposition parser reads, histograms included', async () => {
    const families = parsePrometheusTextFormat(await scrape());
    const latency = families.find((family) => family.name === 'vaccinate_http_request_duration_seconds');
    expect(latency?.type).toBe('HISTOGRAM');
    // This parser keeps only the buckets of a labelled histogram: check those are cumulative and end in +Inf.
    expect(latency?.metrics.length).toBeGreaterThan(0);
    for (const series of latency?.metrics ?? []) {
      const counts = Object.entries(series.buckets ?? {})
        .map(([le, count]) => [le === '+Inf' ? Infinity : Number(le), Number(count)] as const)
        .sort(([a], [b]) => a - b);
      expect(counts.at(-1)?.[0]).toBe(Infinity);
      expect(counts.every(([, count], index) => index === 0 || count >= (counts[index - 1]?.[1] ?? 0))).toBe(true);
    }
    expect(families.find((family) => family.name === 'vaccinate_bookings_total')?.type).toBe('COUNTER');
  });

  it('answers only GET /metrics on its port', async () => {
    expect((await fetch(metricsUrl.replace('/metrics', '/api/health/ready'))).status).toBe(404);
  });
});
