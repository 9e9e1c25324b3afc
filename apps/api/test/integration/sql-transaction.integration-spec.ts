import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Sql } from '../../src/database/sql';
import { provisionTestTenant, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('a transaction whose connection is lost between two statements', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'sqllost'));
  });
  afterAll(() => api?.close());

  it('fails that transaction, not the process, and the pool serves the next one on a fresh connection', async () => {
    const sql = api.app.get(Sql);
    let lostPid = 0;
    const outcome = sql.transaction(async (client) => {
      lostPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      // The server ends the connection while the transaction is open and the client is checked out.
      const admin = new pg.Client({ connectionString: api.tenant.databaseUrl });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [lostPid]);
      } finally {
        await admin.end();
      }
      // Time for the socket to close: the pool's own error listener is not on a checked-out client.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query('SELECT 1');
    });
    await expect(outcome).rejects.toThrow();

    const next = await sql.transaction((client) => client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'));
    expect(next.rows[0]?.pid).toBeGreaterThan(0);
    expect(next.rows[0]?.pid).not.toBe(lostPid);
  });
});
