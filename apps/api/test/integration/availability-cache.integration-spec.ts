import type { Availability, ProblemDetails } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, randomClientIp, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('availability answers', () => {
  let api: RunningApi;
  let catalogue: Catalogue;
  let path: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'availability'), { CAPTCHA_MAX_NUMBER: '200' });
    const doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
    await createDay(api, doctor, {
      siteId: catalogue.site.id,
      date: inDays(5),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }],
      capacity: { first: 3, followUp: 0, booster: 0 },
    });
    path = `/api/availability?productId=${catalogue.jcovden.id}&doseKind=first&siteId=${catalogue.site.id}`;
  });
  afterAll(() => api?.close());

  const get = (headers: Record<string, string> = {}) => api.request(path, { headers: { 'x-forwarded-for': randomClientIp(), ...headers } });

  it('carry a tag, and answer 304 without a body to a client that holds that version', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toBe('accept-encoding');
    expect(((await first.json()) as Availability).days).toHaveLength(1);

    const again = await get({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get({ 'if-none-match': `"other", ${etag.slice(2)}` })).status).toBe(304);

    const other = await get({ 'if-none-match': 'W/"an-older-version"' });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).toBe(etag);
  });

  it('are sent in the coding the client prefers, each the same document', async () => {
    const plain = await get({ 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const document = (await plain.json()) as Availability;
    const brotli = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(await brotli.json()).toEqual(document);
    const gzip = await get({ 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.json()).toEqual(document);
  });

  it('change their tag after a booking: the held version is answered in full again, one place fewer', async () => {
    const before = await get();
    const etag = before.headers.get('etag') ?? '';
    const slot = ((await before.json()) as Availability).days[0]?.slots[0];
    expect(slot?.free).toBe(3);

    const booked = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slot?.slotId ?? '', person: person(), locale: 'en' });
    expect(booked.status).toBe(201);

    // The cache takes a change within its coalescing window (half a second), not at once.
    await expect.poll(async () => (await get({ 'if-none-match': etag })).status, { timeout: 10_000, interval: 100 }).toBe(200);
    const after = await get({ 'if-none-match': etag });
    expect(after.headers.get('etag')).not.toBe(etag);
    const freed = ((await after.json()) as Availability).days[0]?.slots.find((s) => s.slotId === slot?.slotId);
    expect(freed?.free).toBe(2);
    expect((await get({ 'if-none-match': after.headers.get('etag') ?? '' })).status).toBe(304);
  });

  it('answer the first visitor after a booking with the place taken, not the document from before it', async () => {
    const slot = ((await (await get()).json()) as Availability).days[0]?.slots[1];
    const before = slot?.free ?? 0;
    expect(before).toBeGreaterThan(0);
    const booked = await book(api, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: slot?.slotId ?? '', person: person(), locale: 'en' });
    expect(booked.status).toBe(201);
    // Past the coalescing window the next answer is rebuilt; the one request that finds it stale
    // must not be answered the old document (its page would offer the place just taken).
    await new Promise((resolve) => setTimeout(resolve, 600));
    const after = ((await (await get()).json()) as Availability).days[0]?.slots.find((s) => s.slotId === slot?.slotId);
    expect(after?.free).toBe(before - 1);
  });

  it('refuse a bad query with the field list, and an unknown vaccine with 404, as problem documents', async () => {
    const bad = await api.request('/api/availability?productId=not-an-id&doseKind=sixth');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await bad.json()) as ProblemDetails).errors?.map((e) => e.field).sort()).toEqual(['doseKind', 'productId']);

    const unknown = await api.request(`/api/availability?productId=${randomUUID()}&doseKind=first`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it("keep the client's rate limit", async () => {
    const visitor = randomClientIp();
    let answered = 0;
    let limited: Response | null = null;
    // Two windows at most: the minute may turn during the loop and start the count again.
    while (!limited && answered <= 2 * 240) {
      const response = await api.request(path, { headers: { 'x-forwarded-for': visitor } });
      if (response.status === 429) limited = response;
      else {
        expect(response.status).toBe(200);
        answered += 1;
      }
    }
    expect(answered).toBeGreaterThanOrEqual(240);
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
