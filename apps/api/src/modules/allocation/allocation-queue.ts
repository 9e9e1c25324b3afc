import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';

export const ALLOCATION_QUEUE = 'waiting-list-allocation';
export const ALLOCATION_DEAD_LETTERS = 'waiting-list-allocation-dead';
/** pg-boss keeps its tables in their own schema of the tenant database (created by our migrations): no broker to run. */
export const JOB_SCHEMA = 'pgboss';

export interface AllocationJobData {
  registrationId: string;
}

export interface AllocationJob {
  id: string;
  data: AllocationJobData;
}

/** Lets pg-boss write its job in the caller's transaction, so a job and the state it stands for commit together. */
export function inTransaction(client: PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** The allocation job queue (pg-boss 10): retries with backoff, a timeout for jobs a dead worker held, a dead-letter queue. */
@Injectable()
export class AllocationQueue implements OnApplicationShutdown {
  private boss: PgBoss | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.boss) return;
    const { database, allocator } = this.config;
    const boss = new PgBoss({
      connectionString: database.url,
      ...(database.ssl === 'disable' ? {} : { ssl: { rejectUnauthorized: database.ssl === 'verify-full' } }),
      schema: JOB_SCHEMA,
      max: 2,
      application_name: 'vaccinate-allocator',
      schedule: false,
      // The schema is created by our migrations (JobSchema1796192916730); start() only checks its version.
      migrate: false,
      // Jobs of a killed worker are failed (and so retried) once their timeout has passed.
      maintenanceIntervalSeconds: Math.min(60, allocator.jobTimeoutSeconds),
    });
    boss.on('error', (error: Error) => this.logger.error({ err: { name: error.name, code: (error as { code?: string }).code } }, 'job queue error'));
    await boss.start();
    await boss.createQueue(ALLOCATION_DEAD_LETTERS);
    const options = {
      name: ALLOCATION_QUEUE,
      retryLimit: allocator.retryLimit,
      retryDelay: allocator.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: allocator.jobTimeoutSeconds,
      deadLetter: ALLOCATION_DEAD_LETTERS,
    };
    await boss.createQueue(ALLOCATION_QUEUE, options);
    await boss.updateQueue(ALLOCATION_QUEUE, options);
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: false, wait: true });
    this.boss = null;
  }

  private get started(): PgBoss {
    if (!this.boss) throw new Error('the allocation queue is not started');
    return this.boss;
  }

  /** Sends in the caller's transaction; a higher priority is fetched first. */
  async send(client: PoolClient, data: AllocationJobData, priority: number): Promise<void> {
    await this.started.send(ALLOCATION_QUEUE, data, { priority, db: inTransaction(client) });
  }

  async fetchOne(): Promise<AllocationJob | null> {
    const [job] = await this.started.fetch<AllocationJobData>(ALLOCATION_QUEUE, { batchSize: 1 });
    return job ? { id: job.id, data: job.data } : null;
  }

  async complete(id: string): Promise<void> {
    await this.started.complete(ALLOCATION_QUEUE, id);
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.started.fail(ALLOCATION_QUEUE, id, { reason });
  }
}
