import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { pendingSchemaChanges } from '../../src/database/migration-generator';
import { migrateDatabase, provisionTestTenant, rowsOf, startTestApi, type RunningApi, type TestTenant } from '../support/tenant-fixture';

describe('migrations', () => {
  let tenant: TestTenant;
  let api: RunningApi;

  beforeAll(async () => {
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'migrations', false);
    api = await startTestApi(tenant);
  });
  afterAll(() => api?.close());

  it('reports not ready while a migration is pending, and ready once applied', async () => {
    expect((await api.request('/api/health/live')).status).toBe(200);
    const pending = await api.request('/api/health/ready');
    expect(pending.status).toBe(503);
    expect(pending.headers.get('content-type')).toMatch(/problem\+json/);
    await migrateDatabase(tenant.databaseUrl);
    expect((await api.request('/api/health/ready')).status).toBe(200);
  });

  it('cover every entity: a migrated database needs no further schema change', async () => {
    const dataSource = new DataSource(dataSourceOptions({ url: tenant.databaseUrl, poolMax: 1, ssl: 'disable' }));
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("create pg-boss's schema at the version the installed pg-boss expects, so it starts without migrating", async () => {
    expect(await rowsOf(tenant.databaseUrl, 'SELECT version FROM pgboss.version')).toHaveLength(1);
    // With migrate: false, start() refuses a schema that is missing or of another version.
    const boss = new PgBoss({ connectionString: tenant.databaseUrl, schema: 'pgboss', migrate: false, supervise: false, schedule: false, max: 1 });
    await boss.start();
    try {
      await boss.createQueue('migration-check');
      expect(await boss.send('migration-check', { ok: true })).toEqual(expect.any(String));
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
