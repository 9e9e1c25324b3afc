import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, createDay, inDays, person } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';
import { eventually, register, release, rowsOf } from '../support/waiting-list-fixture';

const PEOPLE = 40;

describe('killing the allocator mid-run', () => {
  let setup: RunningApi;
  let resumed: RunningApi | undefined;

  beforeAll(async () => {
    setup = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'alloc-kill'), { CAPTCHA_MAX_NUMBER: '100' });
  });
  afterAll(async () => {
    await resumed?.close();
    await setup?.close();
  });

  const count = async (sql: string) => Number((await rowsOf<{ count: string }>(setup.tenant.databaseUrl, sql))[0]?.count ?? 0);

  it('loses no registration and books nobody twice', async () => {
    const doctor = await staffToken(setup, ['doctor']);
    const catalogue = await createCatalogue(setup, doctor);
    await createDay(setup, doctor, {
      siteId: catalogue.site.id,
      date: inDays(5),
      opensAt: '08:00',
      closesAt: '12:00',
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 100 }],
      capacity: { first: 3, followUp: 0, booster: 0 },
    });
    for (let i = 0; i < PEOPLE; i += 1) await register(setup, { productId: catalogue.jcovden.id, person: person() });
    await release(setup, doctor, 3);

    const port = String(await freePort());
    const worker = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        ...setup.tenant.environment,
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ALLOCATOR: 'on',
        ALLOCATOR_RATE_PER_MINUTE: '600',
        ALLOCATOR_JOB_TIMEOUT_SECONDS: '1',
        ALLOCATOR_RETRY_DELAY_SECONDS: '0',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Kill without warning once the worker has booked some and not all.
    await eventually(async () => (await count('SELECT count(*) FROM booking')) >= 5, 20);
    worker.kill('SIGKILL');
    await exited;
    const bookedWhenKilled = await count('SELECT count(*) FROM booking');
    expect(bookedWhenKilled).toBeLessThan(PEOPLE);

    resumed = await startTestApi(setup.tenant, {
      ALLOCATOR: 'on',
      ALLOCATOR_RATE_PER_MINUTE: '6000',
      ALLOCATOR_JOB_TIMEOUT_SECONDS: '1',
      ALLOCATOR_RETRY_DELAY_SECONDS: '0',
    });
    // The job the killed worker held times out after a second, is retried, and finds its registration as the kill left it.
    await eventually(async () => (await count("SELECT count(*) FROM registration WHERE status = 'booked'")) === PEOPLE, 100);

    expect(await count('SELECT count(*) FROM booking')).toBe(PEOPLE);
    expect(await count('SELECT count(DISTINCT booking_id) FROM registration')).toBe(PEOPLE);
    expect(await count('SELECT count(*) FROM appointment')).toBe(PEOPLE);
    expect(await count('SELECT sum(booked_first) AS count FROM slot')).toBe(PEOPLE);
    expect(await count("SELECT count(*) FROM outbox_message WHERE kind = 'mail:booking-confirmation'")).toBe(PEOPLE);
    // Two API processes start within this test; on a busy 2-core machine each takes up to about 45 s.
  }, 180_000);
});
