import { connect } from 'node:net';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, createDay, inDays, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** One test per class of malformed input: each is a 400-family problem+json naming the field, nothing written. */
describe('bad input is refused at the edge', () => {
  let api: RunningApi;
  let doctor: string;
  let assistant: string;
  let admin: string;
  let catalogue: Catalogue;
  let dayId: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'badinput'));
    doctor = await staffToken(api, ['doctor']);
    assistant = await staffToken(api, ['assistant']);
    admin = await staffToken(api, ['admin']);
    catalogue = await createCatalogue(api, doctor);
    dayId = (await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(3), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 10 }] })).id;
  });
  afterAll(() => api?.close());

  const WRITTEN_TABLES = ['site', 'vaccine_product', 'vaccination_day', 'lot', 'person', 'visit', 'staff_account', 'registration'];
  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) {
      counts[table] = Number((await rowsOf<{ n: string }>(api.tenant.databaseUrl, `SELECT count(*) AS n FROM ${table}`))[0]?.n);
    }
    return counts;
  }

  /** Sends raw text, so bodies JSON.stringify would never produce (1e308, depth) go out as written. */
  async function send(method: string, path: string, init: { token?: string; body?: string; contentType?: string } = {}): Promise<Response> {
    return fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  }

  async function expectProblem(response: Response, status: number, fields?: string[]): Promise<ProblemDetails> {
    const text = await response.text();
    expect({ status: response.status, type: response.headers.get('content-type')?.split(';')[0] }, text).toEqual({ status, type: PROBLEM_CONTENT_TYPE });
    const body = JSON.parse(text) as ProblemDetails;
    expect(body.status).toBe(status);
    if (fields) expect(body.errors?.map((error) => error.field)).toEqual(expect.arrayContaining(fields));
    return body;
  }

  it('refuses a body nested deeper than 32 levels on public and staff routes, even one deep enough to break a recursive parser', async () => {
    const before = await rowCounts();
    const deep = (levels: number) => `{"person":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    await expectProblem(await send('POST', '/api/registrations', { body: deep(40) }), 400, ['body']);
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: deep(20_000) }), 400, ['body']);
    await expectProblem(await send('POST', `/api/vaccination-days/${dayId}/walk-ins`, { token: assistant, body: deep(33) }), 400, ['body']);
    // 32 levels is still read (and then judged by the route's own rules).
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: `{"name":${'['.repeat(31)}${']'.repeat(31)}}` }), 400, ['name']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a NUL byte or a lone surrogate anywhere in the body, query or path, naming the field', async () => {
    const before = await rowCounts();
    const site = { name: 'Werk\u0000Nord', street: 'Weg 1', postalCode: '10115', city: 'Berlin', openingHours: '', stations: 1 };
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: JSON.stringify(site) }), 400, ['name']);
    const vaccine = JSON.stringify({ name: 'X\u0000' });
    await expectProblem(await send('POST', '/api/vaccines', { token: doctor, body: vaccine }), 400, ['name']);
    const checkIn = { bookingCode: 'K7M2\u0000Q9XD', identityChecked: true, identityDocument: 'id_card' };
    await expectProblem(await send('POST', `/api/vaccination-days/${dayId}/check-ins`, { token: assistant, body: JSON.stringify(checkIn) }), 400, ['bookingCode']);
    await expectProblem(await send('POST', '/api/auth/login', { body: JSON.stringify({ email: 'a\ud800@acme.example', password: 'x' }) }), 400, ['email']);
    const registration = { person: { givenName: 'A', familyName: 'B', email: 'a\udc00b@acme.example', birthDate: '1980-01-01' } };
    await expectProblem(await send('POST', '/api/registrations', { body: JSON.stringify(registration) }), 400, ['person.email']);
    await expectProblem(await send('GET', '/api/audit-events?actor=a%00b', { token: admin }), 400, ['actor']);
    await expectProblem(await send('GET', '/.well-known/crl/a%00b'), 400, ['file']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses numbers outside the safe integer range or a declared maximum', async () => {
    const before = await rowCounts();
    const patch = `{"version":1e308,"name":"Werk West"}`;
    await expectProblem(await send('PATCH', `/api/sites/${catalogue.site.id}`, { token: doctor, body: patch }), 400, ['version']);
    await expectProblem(await send('PATCH', `/api/sites/${catalogue.site.id}`, { token: doctor, body: `{"version":1e400}` }), 400, ['version']);
    await expectProblem(await send('GET', '/api/audit-events?offset=99999999999999999999', { token: admin }), 400, ['offset']);
    // A number written with an exponent used to crash class-validator's decimal-places check.
    const announcement = `{"siteId":"${catalogue.site.id}","productId":"${catalogue.jcovden.id}","doses":2,"availableUntil":"2031-01-01T12:00:00Z","overbookingFactor":1e-323}`;
    await expectProblem(await send('POST', '/api/standby/announcements', { token: doctor, body: announcement }), 400, ['overbookingFactor']);
    await expectProblem(await send('GET', '/api/waiting-list/queue?offset=99999999999999999999', { token: doctor }), 400, ['offset']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses impossible dates in queries and bodies', async () => {
    const before = await rowCounts();
    await expectProblem(await send('GET', '/api/vaccination-days?from=2023-02-30', { token: assistant }), 400, ['from']);
    await expectProblem(await send('GET', '/api/audit-events?from=2023-02-30', { token: admin }), 400, ['from']);
    await expectProblem(await send('GET', '/api/audit-events?to=0000-01-01', { token: admin }), 400, ['to']);
    const day = {
      siteId: catalogue.site.id,
      date: '2031-02-30',
      opensAt: '08:00',
      closesAt: '09:00',
      slotMinutes: 15,
      capacityPerSlot: { first: 1, followUp: 1, booster: 1 },
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 1 }],
    };
    await expectProblem(await send('POST', '/api/vaccination-days', { token: doctor, body: JSON.stringify(day) }), 400, ['date']);
    const lot = { productId: catalogue.jcovden.id, lotNumber: 'JJ-BAD', expiryDate: '2031-13-01', dosesReceived: 5 };
    await expectProblem(await send('POST', '/api/lots', { token: doctor, body: JSON.stringify(lot) }), 400, ['expiryDate']);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a missing or array-valued nested object', async () => {
    const before = await rowCounts();
    const walkIn = { productId: catalogue.jcovden.id, identityChecked: true, identityDocument: 'id_card' };
    await expectProblem(await send('POST', `/api/vaccination-days/${dayId}/walk-ins`, { token: assistant, body: JSON.stringify(walkIn) }), 400, ['person']);
    await expectProblem(await send('POST', `/api/vaccination-days/${dayId}/walk-ins`, { token: assistant, body: JSON.stringify({ ...walkIn, person: [] }) }), 400, [
      'person',
    ]);
    const visitId = '00000000-0000-4000-8000-000000000000';
    await expectProblem(await send('POST', `/api/visits/${visitId}/check-out`, { token: doctor, body: '{"version":1}' }), 400, ['followUp']);
    await expectProblem(await send('POST', `/api/visits/${visitId}/check-out`, { token: doctor, body: '{"version":1,"followUp":[]}' }), 400, ['followUp']);
    const day = {
      siteId: catalogue.site.id,
      date: inDays(9),
      opensAt: '08:00',
      closesAt: '09:00',
      slotMinutes: 15,
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 1 }],
    };
    await expectProblem(await send('POST', '/api/vaccination-days', { token: doctor, body: JSON.stringify(day) }), 400, ['capacityPerSlot']);
    await expectProblem(
      await send('POST', '/api/vaccination-days', { token: doctor, body: JSON.stringify({ ...day, capacityPerSlot: [{ first: 1, followUp: 1, booster: 1 }] }) }),
      400,
      ['capacityPerSlot'],
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("answers Fastify's own refusals as problem+json", async () => {
    const before = await rowCounts();
    await expectProblem(await send('GET', '/api/sites/%E0%A4%A', { token: doctor }), 400);
    await expectProblem(await send('GET', `/api/sites/${'a'.repeat(500)}`, { token: doctor }), 414);
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: `{"name":"${'x'.repeat(70_000)}"}` }), 413);
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: 'name=x', contentType: 'text/plain' }), 415);
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: '{"name":' }), 400);
    await expectProblem(await send('POST', '/api/sites', { token: doctor, body: '' }), 400);
    expect(await rowCounts()).toEqual(before);
  });

  /** Writes raw HTTP, as no well-behaved client would, and reads what comes back until the server closes. */
  function rawExchange(head: string, body = ''): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(api.baseUrl).port), '127.0.0.1', () => {
        socket.write(head);
        // The body follows a moment later, as it does from a client on a real network.
        setTimeout(() => socket.writable && socket.end(body), 20);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it('answers a request line the HTTP parser refuses with a 400 problem the client can read', async () => {
    const answer = await rawExchange('POST /api/sites HTTP/1.1\r\nHost: x\r\nBad Header: x\r\nContent-Length: 7\r\n\r\n', '{"a":1}');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain(`Content-Type: ${PROBLEM_CONTENT_TYPE}`);
  });

  it('answers headers too large for the HTTP parser with a 431 problem', async () => {
    const answer = await rawExchange(`GET /api/health/live HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain(`Content-Type: ${PROBLEM_CONTENT_TYPE}`);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, code: 'request.headers_too_large' });
  });

  it('still answers ready after all of it', async () => {
    expect((await api.request('/api/health/ready')).status).toBe(200);
  });
});
