import { startLocalPostgres, type LocalPostgres } from '@vaccinate/local-postgres';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captchaSolution, person, randomClientIp } from '../support/booking-fixture';
import { freePort } from '../support/test-postgres';
import { provisionTestTenant, rowsOf, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { eventually } from '../support/waiting-list-fixture';

const REGISTRATIONS = 90;
const SENDERS = 3;

/** This file's own PostgreSQL, stopped in the middle of a burst of registrations and started again. */
describe('the database goes away and comes back', () => {
  let parent: string;
  let postgres: LocalPostgres;
  let port: number;
  let api: RunningApi;

  const startPostgres = () => startLocalPostgres({ dataDir: join(parent, 'data'), port, password: 'outage-admin', persistent: true });

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'vaccinate-outage-pg-'));
    await chmod(parent, 0o755);
    port = await freePort();
    postgres = await startPostgres();
    api = await startTestApi(await provisionTestTenant(postgres.adminUrl, 'outage'), { CAPTCHA_MAX_NUMBER: '200' });
  });
  afterAll(async () => {
    await api?.close();
    await postgres?.stop();
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while it is gone, stores every registration it answered 202, and is ready again by itself', async () => {
    const captchas = await Promise.all(Array.from({ length: REGISTRATIONS }, () => captchaSolution(api)));
    const answers: { status: number; type: string; retryAfter: string | null; trackingCode?: string }[] = [];
    let next = 0;
    let outage: Promise<void> | null = null;
    const sender = async () => {
      while (next < REGISTRATIONS) {
        const n = next++;
        // A third of the way in, the database stops; it is back a few seconds later, while requests keep coming.
        if (n === REGISTRATIONS / 3) {
          outage = (async () => {
            await postgres.stop();
            await new Promise((resolve) => setTimeout(resolve, 3_000));
            postgres = await startPostgres();
          })();
        }
        const response = await api.request('/api/registrations', { body: { captcha: captchas[n], person: person() }, headers: { 'x-forwarded-for': randomClientIp() } });
        const body = (await response.json()) as { trackingCode?: string };
        answers.push({
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          retryAfter: response.headers.get('retry-after'),
          ...(body.trackingCode ? { trackingCode: body.trackingCode } : {}),
        });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    // Assigned inside a sender, which the compiler's narrowing cannot see.
    await (outage as Promise<void> | null);

    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([202, 503]);
    for (const unavailable of answers.filter((answer) => answer.status === 503)) {
      expect(unavailable.type).toContain('application/problem+json');
      expect(Number(unavailable.retryAfter)).toBeGreaterThan(0);
    }

    await eventually(async () => (await api.request('/api/health/ready')).status === 200, 200);
    const stored = new Set((await rowsOf<{ tracking_code: string }>(api.tenant.databaseUrl, 'SELECT tracking_code FROM registration')).map((row) => row.tracking_code));
    const accepted = answers.filter((answer) => answer.status === 202).map((answer) => answer.trackingCode ?? '');
    expect(accepted.filter((code) => !stored.has(code))).toEqual([]);

    // And it serves again without a restart.
    const after = await api.request('/api/registrations', {
      body: { captcha: await captchaSolution(api), person: person() },
      headers: { 'x-forwarded-for': randomClientIp() },
    });
    expect(after.status).toBe(202);
  });
});
