import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiConfig } from '../../src/config/api-config';
import { JobRunner } from '../../src/jobs/job-runner';
import { JobQueue } from '../../src/jobs/job-queues';
import { provisionTestTenant, rowsOf, type TestTenant } from '../support/tenant-fixture';
import { eventually } from '../support/waiting-list-fixture';

describe('the job runner when pg-boss fails partway through its start', () => {
  let tenant: TestTenant;
  let runner: JobRunner;

  beforeAll(async () => {
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'jobstart');
    const config = {
      database: { url: tenant.databaseUrl, ssl: 'disable' },
      allocator: { jobTimeoutSeconds: 300 },
      mailJobs: { jobTimeoutSeconds: 60 },
      timeZone: 'Europe/Berlin',
    } as ApiConfig;
    runner = new JobRunner(config, pino({ level: 'silent' }));
  });
  afterAll(() => runner?.onApplicationShutdown());

  it('is not started after the failure, and the retry starts pg-boss for real: its clock runs and jobs are worked', async () => {
    const worked: string[] = [];
    await runner.work<{ note: string }>(JobQueue.reminders, { pollingIntervalSeconds: 0.5 }, async (job) => {
      worked.push(job.data.note);
    });
    // Our queues are in place, so the runner tries to start; pg-boss's own schema check then fails.
    await rowsOf(tenant.databaseUrl, 'ALTER TABLE pgboss.version RENAME TO version_away');
    await runner.onModuleInit();
    expect(runner.isStarted).toBe(false);
    await rowsOf(tenant.databaseUrl, 'ALTER TABLE pgboss.version_away RENAME TO version');

    await eventually(async () => runner.isStarted, 200);
    // The cron clock is the last thing pg-boss starts: a start that returned early never sets it.
    await eventually(async () => (await rowsOf<{ cron_on: Date | null }>(tenant.databaseUrl, 'SELECT cron_on FROM pgboss.version'))[0]?.cron_on != null, 200);

    const pool = new pg.Pool({ connectionString: tenant.databaseUrl, max: 1 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await runner.sendInTransaction(client, JobQueue.reminders, { note: 'after the retry' });
      await client.query('COMMIT');
    } finally {
      client.release();
      await pool.end();
    }
    await eventually(async () => worked.length > 0, 100);
    expect(worked).toEqual(['after the retry']);
    // Asking again changes nothing: the runner is started once.
    await runner.start();
    expect(runner.isStarted).toBe(true);
  }, 60_000);
});
