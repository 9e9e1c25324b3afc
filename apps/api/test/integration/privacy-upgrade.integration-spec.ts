import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { OpaquePriorityAndClientNetwork1796340000000 } from '../../src/database/migrations/1796340000000-opaque-priority-and-client-network';
import { PriorityOrder } from '../../src/database/priority-order';
import { migrateDatabase, provisionTestTenant, rowsOf, startTestApi, type RunningApi, type TestTenant } from '../support/tenant-fixture';

/** This change's first migration and every later one, undone to reach the schema before it. */
const NEW_MIGRATIONS = MIGRATIONS.length - MIGRATIONS.indexOf(OpaquePriorityAndClientNetwork1796340000000);

describe('upgrading a tenant that stored plain ranks and client addresses', () => {
  let tenant: TestTenant;
  let api: RunningApi | undefined;

  beforeAll(async () => {
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'privacy-upgrade');
    const dataSource = new DataSource(dataSourceOptions({ url: tenant.databaseUrl, poolMax: 1, ssl: 'disable' }));
    await dataSource.initialize();
    try {
      for (let undone = 0; undone < NEW_MIGRATIONS; undone += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.query(
        `INSERT INTO registration (tracking_code, given_name_encrypted, family_name_encrypted, email_encrypted, email_index, birth_date_encrypted, profile_encrypted, priority_rank)
         VALUES ('RAAA-AAAA-AA', 'x', 'x', 'x', 'i1', 'x', 'x', 1), ('RBBB-BBBB-BB', 'x', 'x', 'x', 'i2', 'x', 'x', 3), ('RCCC-CCCC-CC', 'x', 'x', 'x', 'i3', 'x', 'x', NULL)`,
      );
      await dataSource.query(
        `INSERT INTO audit_event (actor_subject, actor_kind, action, subject_type, request_id, client_ip)
         VALUES ('s', 'staff', 'person.read', 'person', 'r1', '198.51.100.23'), ('s', 'staff', 'person.read', 'person', 'r2', '2001:db8:abcd:12::7'),
                ('s', 'staff', 'person.read', 'person', 'r3', '::ffff:203.0.113.9'), ('s', 'system', 'person.read', 'person', 'r4', 'local')`,
      );
    } finally {
      await dataSource.destroy();
    }
    await migrateDatabase(tenant.databaseUrl);
    api = await startTestApi(tenant);
  });
  afterAll(() => api?.close());

  it('keeps only the network of every stored client address', async () => {
    const rows = await rowsOf<{ request_id: string; client_ip: string }>(
      tenant.databaseUrl,
      `SELECT request_id, client_ip FROM audit_event WHERE request_id LIKE 'r_' ORDER BY request_id`,
    );
    expect(rows.map((row) => row.client_ip)).toEqual(['198.51.100.0/24', '2001:db8:abcd::/48', '203.0.113.0/24', 'local']);
  });

  it('rewrites the plain ranks as the keyed order when the API starts', async () => {
    const rows = await rowsOf<{ tracking_code: string; priority_order: number | null }>(
      tenant.databaseUrl,
      'SELECT tracking_code, priority_order FROM registration ORDER BY tracking_code',
    );
    const order = PriorityOrder.of(api!.config.fieldKeys);
    expect(rows).toEqual([
      { tracking_code: 'RAAA-AAAA-AA', priority_order: order.toOrder(1) },
      { tracking_code: 'RBBB-BBBB-BB', priority_order: order.toOrder(3) },
      { tracking_code: 'RCCC-CCCC-CC', priority_order: null },
    ]);
  });
});
