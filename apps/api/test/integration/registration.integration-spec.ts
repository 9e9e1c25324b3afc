import type { ProblemDetails } from '@vaccinate/api-contracts';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { captchaSolution, person, randomClientIp } from '../support/booking-fixture';
import { provisionTestTenant, startTestApi, type RunningApi, type TestTenant } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';

async function rowsOf<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('waiting-list registrations', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'intake'), { CAPTCHA_MAX_NUMBER: '200' });
  });
  afterAll(() => api?.close());

  async function register(body: Record<string, unknown>, ip = randomClientIp()): Promise<Response> {
    return api.request('/api/registrations', { body: { captcha: await captchaSolution(api, ip), ...body }, headers: { 'x-forwarded-for': ip } });
  }

  it('answers 202 with a tracking code, stores only ciphertext, and answers a second registration with the same code', async () => {
    const someone = person({ givenName: 'Annegret', familyName: 'Kramp' });
    const first = await register({ person: someone, occupations: ['medical-staff'], answers: { 'chronic-condition': true }, preferredWeekdays: [5, 1, 1] });
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { trackingCode: string; statusUrl: string };
    expect(accepted.trackingCode).toMatch(/^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(accepted.statusUrl).toContain(`/registration/status#${accepted.trackingCode}`);

    const again = await register({ person: { ...someone, email: someone.email.toUpperCase() } });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { trackingCode: string }).trackingCode).toBe(accepted.trackingCode);

    const rows = await rowsOf<Record<string, unknown>>(api.tenant.databaseUrl, 'SELECT * FROM registration');
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    for (const value of ['Annegret', 'Kramp', someone.email, someone.birthDate, 'medical-staff', 'chronic-condition']) expect(dump).not.toContain(value);
    expect(rows[0]).toMatchObject({ status: 'queued', preferred_weekdays: [1, 5] });
  });

  it('shows the status for the tracking code and birth date, and the same refusal for a wrong birth date or code', async () => {
    const someone = person();
    const { trackingCode } = (await (await register({ person: someone })).json()) as { trackingCode: string };
    const status = await api.request('/api/registrations/status', { body: { trackingCode, birthDate: someone.birthDate } });
    expect(await status.json()).toMatchObject({ trackingCode, status: 'queued', ahead: expect.any(Number) });
    const wrongBirth = await api.request('/api/registrations/status', { body: { trackingCode, birthDate: '1970-01-01' } });
    const wrongCode = await api.request('/api/registrations/status', { body: { trackingCode: 'RAAA-AAAA-AA', birthDate: someone.birthDate } });
    const strip = async (response: Response) => {
      const { requestId: _id, ...rest } = (await response.json()) as ProblemDetails;
      return { httpStatus: response.status, ...rest };
    };
    expect(await strip(wrongBirth)).toEqual(await strip(wrongCode));
    expect(wrongBirth.status).toBe(404);
  });

  it('refuses bad input with a field list and writes nothing', async () => {
    const before = (await rowsOf(api.tenant.databaseUrl, 'SELECT id FROM registration')).length;
    const response = await register({
      person: { ...person(), email: 'nope', birthDate: '2999-01-01' },
      preferredWeekdays: [8],
      answers: { 'Bad Key': 1, pregnant: { nested: true } },
      productId: 'x',
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ProblemDetails).errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['answers.Bad Key', 'answers.pregnant', 'person.birthDate', 'person.email', 'preferredWeekdays.0', 'productId']);
    const badAnswers = await register({ person: person(), answers: { 'Bad Key': 1, pregnant: { nested: true } } });
    expect(((await badAnswers.json()) as ProblemDetails).errors?.map((e) => e.field).sort()).toEqual(['answers.Bad Key', 'answers.pregnant']);
    // A body without a person is a user's mistake too: 400 with the field, never a 500.
    const nobody = await register({ preferredWeekdays: [1] });
    expect(nobody.status).toBe(400);
    expect(((await nobody.json()) as ProblemDetails).errors).toEqual([{ field: 'person', message: 'is required', rule: 'required' }]);
    expect((await rowsOf(api.tenant.databaseUrl, 'SELECT id FROM registration')).length).toBe(before);
  });
});

describe('a registration answered 202 survives the API process being killed', () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'durable');
  });

  it('kills the process in the middle of a burst: every 202 is in the database', async () => {
    const port = String(await freePort());
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
      env: { PATH: process.env['PATH'] ?? '', ...tenant.environment, PORT: port, HOST: '127.0.0.1', CAPTCHA_MAX_NUMBER: '100', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    // A loaded machine takes half a minute to start the API; the burst must not begin before it is ready.
    let ready = false;
    for (let i = 0; i < 900 && !ready; i += 1) {
      ready = (await fetch(`${baseUrl}/api/health/ready`).catch(() => null))?.ok ?? false;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready, 'the API became ready').toBe(true);
    const viaApi = { request: (path: string, init: { headers?: Record<string, string> } = {}) => fetch(`${baseUrl}${path}`, { headers: init.headers ?? {} }) };
    const captchas = await Promise.all(Array.from({ length: 400 }, (_, i) => captchaSolution(viaApi as unknown as RunningApi, `198.51.${i >> 8}.${i & 255}`)));
    const answered: string[] = [];
    let failed = 0;
    let killWhenUnderWay: () => void = () => undefined;
    const underWay = new Promise<void>((resolve) => (killWhenUnderWay = resolve));
    // Twenty clients send one registration after another, so requests are still arriving when the process dies.
    let next = 0;
    const client = async () => {
      while (next < captchas.length) {
        const i = next++;
        try {
          const response = await fetch(`${baseUrl}/api/registrations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` },
            body: JSON.stringify({ captcha: captchas[i], person: person() }),
          });
          if (response.status === 202) answered.push(((await response.json()) as { trackingCode: string }).trackingCode);
          if (answered.length >= 40) killWhenUnderWay();
        } catch {
          failed += 1; // the connection died with the process: this client was never told it is registered
        }
      }
    };
    const burst = Array.from({ length: 20 }, client);
    // Kill without warning once the burst is under way: some answered, the rest in flight.
    await underWay;
    child.kill('SIGKILL');
    await Promise.all(burst);
    expect(answered.length).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    const stored = await rowsOf<{ tracking_code: string }>(tenant.databaseUrl, 'SELECT tracking_code FROM registration WHERE tracking_code = ANY($1)', [answered]);
    expect(stored.length).toBe(answered.length);
  }, 180_000);
});
