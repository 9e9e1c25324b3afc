import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { provisionTestTenant, rowsOf, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { eventually } from '../support/waiting-list-fixture';

describe('background jobs on pg-boss', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'jobs'), { CAPTCHA_MAX_NUMBER: '100', ALLOCATOR: 'on' });
  });
  afterAll(() => api?.close());

  const rows = <T>(sql: string) => rowsOf<T>(api.tenant.databaseUrl, sql);

  it('schedules the reminders, the day-closing no-show job and the nightly retention run as cron jobs in the tenant time zone', async () => {
    expect(await rows<{ name: string; cron: string; timezone: string }>('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name')).toEqual([
      { name: 'appointment-reminders', cron: '*/10 * * * *', timezone: api.config.timeZone },
      { name: 'data-retention', cron: '17 3 * * *', timezone: api.config.timeZone },
      { name: 'day-closing-no-shows', cron: '*/10 * * * *', timezone: api.config.timeZone },
    ]);
  });

  it('runs the allocator and standby waves as pg-boss ticks, each queueing its next run, one waiting at a time', async () => {
    const ticks = (name: string) => rows<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = '${name}'`);
    for (const name of ['waiting-list-allocation-tick', 'standby-waves']) {
      await eventually(async () => (await ticks(name)).some((tick) => tick.state === 'completed'), 100);
      expect((await ticks(name)).filter((tick) => tick.state === 'created').length).toBeLessThanOrEqual(1);
    }
  });
});
