import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface DatabaseCeiling {
  connections: number;
  transactions: number;
  durationSeconds: number;
  /** Committed single-row INSERT transactions per second: what the database can commit at this concurrency. */
  commitsPerSecond: number;
  latencyMs: { p50: number; p99: number };
}

const TABLE = 'bench_ceiling';

/**
 * The database's ceiling on this machine: `connections` raw `pg` clients, each running
 * BEGIN; one single-row INSERT; COMMIT as fast as it can, against the same Postgres the API uses.
 * One row per transaction and fsync on, as a booking commits; nothing of the API in the path.
 */
export async function databaseCeiling(adminUrl: string, connections: number, durationSeconds: number): Promise<DatabaseCeiling> {
  const setup = new pg.Client({ connectionString: adminUrl });
  await setup.connect();
  await setup.query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (id uuid PRIMARY KEY, client int NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  await setup.query(`TRUNCATE ${TABLE}`);
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      return client;
    }),
  );
  // A row about as wide as a booking's: an id, a few references, some ciphertext.
  const payload = 'x'.repeat(200);
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  await Promise.all(
    clients.map(async (client, n) => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        await client.query('BEGIN');
        await client.query(`INSERT INTO ${TABLE} (id, client, payload) VALUES ($1, $2, $3)`, [randomUUID(), n, payload]);
        await client.query('COMMIT');
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.end()));
  const stored = Number((await setup.query<{ n: string }>(`SELECT count(*) AS n FROM ${TABLE}`)).rows[0]?.n ?? 0);
  await setup.query(`DROP TABLE ${TABLE}`);
  await setup.end();
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0);
  return {
    connections,
    transactions: stored,
    durationSeconds: Math.round(elapsed * 1000) / 1000,
    commitsPerSecond: Math.round(stored / elapsed),
    latencyMs: { p50: at(0.5), p99: at(0.99) },
  };
}
