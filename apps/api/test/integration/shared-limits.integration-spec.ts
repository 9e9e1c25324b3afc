import { solveChallenge } from 'altcha-lib/v1';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, createDay, inDays, person, randomClientIp } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { eventually } from '../support/waiting-list-fixture';

/** Two API processes of one tenant on one database, as two pods behind the autoscaler. */
describe('limits shared by every replica of a tenant', () => {
  let first: RunningApi;
  let second: RunningApi;

  beforeAll(async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'replicas');
    [first, second] = await Promise.all([startTestApi(tenant, { CAPTCHA_MAX_NUMBER: '200' }), startTestApi(tenant, { CAPTCHA_MAX_NUMBER: '200' })]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  async function solvedPayload(api: RunningApi): Promise<Record<string, unknown>> {
    const challenge = (await (await api.request('/api/captcha/challenge')).json()) as {
      algorithm: string;
      challenge: string;
      maxnumber: number;
      salt: string;
      signature: string;
    };
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    if (!solution) throw new Error('challenge not solvable');
    return { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
  }

  function register(api: RunningApi, captcha: string): Promise<Response> {
    const ip = randomClientIp();
    return api.request('/api/registrations', { body: { captcha, person: person() }, headers: { 'x-forwarded-for': ip } });
  }

  it('accepts a captcha solution once, on either process and in any encoding', async () => {
    const payload = await solvedPayload(first);
    const json = JSON.stringify(payload);
    const asSent = Buffer.from(json).toString('base64');
    const reordered = Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(payload).reverse()))).toString('base64');
    const pretty = Buffer.from(JSON.stringify(payload, null, 2)).toString('base64');
    // base64url drops the padding base64 ends in, so this text never equals asSent (without padding, it might).
    const urlSafe = Buffer.from(json.length % 3 === 0 ? `${json} ` : json).toString('base64url');
    const upperCaseSignature = Buffer.from(JSON.stringify({ ...payload, signature: String(payload['signature']).toUpperCase() })).toString('base64');
    expect(new Set([asSent, reordered, pretty, urlSafe, upperCaseSignature]).size).toBe(5);

    expect((await register(first, asSent)).status).toBe(202);
    for (const replay of [asSent, reordered, pretty, urlSafe, upperCaseSignature]) {
      for (const api of [second, first]) {
        const answer = await register(api, replay);
        expect(answer.status).toBe(400);
        expect(((await answer.json()) as { code: string }).code).toBe('captcha.invalid');
      }
    }
  });

  it("holds one client's booking limit across both processes, also for a full slot", async () => {
    const doctor = await staffToken(first, ['doctor']);
    const catalogue = await createCatalogue(first, doctor);
    const day = await createDay(first, doctor, {
      siteId: catalogue.site.id,
      date: inDays(12),
      opensAt: '08:00',
      closesAt: '08:15',
      capacity: { first: 1, followUp: 0, booster: 0 },
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 1 }],
    });
    const slotId = day.slots[0]?.id ?? '';
    const attempt = (api: RunningApi, ip: string, captcha = 'not a solution') =>
      api.request('/api/bookings', {
        body: { productId: catalogue.jcovden.id, doseKind: 'first', slotId, person: person(), captcha },
        headers: { 'idempotency-key': randomUUID(), 'x-forwarded-for': ip },
      });
    const ip = randomClientIp();
    const taken = await attempt(first, randomClientIp(), Buffer.from(JSON.stringify(await solvedPayload(first))).toString('base64'));
    expect(taken.status).toBe(201);
    // Both processes learn through NOTIFY that the slot is full; probe from other addresses.
    for (const api of [first, second]) await eventually(async () => (await attempt(api, randomClientIp())).status === 409);

    // A fixed one-minute window: start early in a minute so the 60 attempts fall into one.
    if (Date.now() % 60_000 > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 100));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let n = 0; n < 60; n += 1) {
      const answer = await attempt(n % 2 === 0 ? first : second, ip);
      statuses.push(answer.status);
      if (answer.status === 429) {
        retryAfter = answer.headers.get('retry-after');
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(statuses.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 409));
    expect(statuses.slice(20)).toEqual(Array.from({ length: 40 }, () => 429));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it('throttles wrong passwords for one account across both processes, answering 429 with Retry-After', async () => {
    const email = `locked-${randomUUID().slice(0, 8)}@staff.example`;
    const signIn = (api: RunningApi) =>
      api.request('/api/auth/login', { body: { email, password: 'not the password at all' }, headers: { 'x-forwarded-for': randomClientIp() } });
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let n = 0; n < 7; n += 1) {
      const answer = await signIn(n % 2 === 0 ? first : second);
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited?.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect(((await limited?.json()) as { code: string }).code).toBe('auth.too_many_attempts');
  });
});
