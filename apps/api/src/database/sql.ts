import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface SqlClient {
  query<T extends QueryResultRow>(text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number | null }>;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
/** A transaction that lost a deadlock or a serialization conflict runs again, at most twice more. */
const MAX_ATTEMPTS = 3;

/**
 * Plain parameterised SQL on the same pool TypeORM uses, for the hot paths (availability,
 * booking) where an ORM round trip costs throughput.
 */
@Injectable()
export class Sql implements SqlClient {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The pool itself, for its use figures (metrics). */
  get connectionPool(): Pool {
    return this.pool;
  }

  query<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<{ rows: T[]; rowCount: number | null }> {
    return this.pool.query<T>(text, params);
  }

  /**
   * Runs `work` in one transaction on one pooled client: the one transaction handle of the API, passed
   * explicitly to repositories. Retried up to twice on a deadlock or serialization failure, so `work` must
   * only touch the database through `client` (and announce changes after it returns).
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      // pg-pool listens for a lost connection only while a client is idle: one lost between two statements of a
      // transaction would be an uncaught exception that ends the process. The next statement fails instead.
      let lost: Error | undefined;
      const onLost = (error: Error) => {
        lost = error;
      };
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
        throw error;
      } finally {
        client.removeListener('error', onLost);
        client.release(lost); // a lost connection leaves the pool
      }
    }
  }
}
