import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../app-logger.token';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/api-config.token';
import { JOB_SCHEMA } from './job-queues';

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/** Lets pg-boss write its job in the caller's transaction, so a job and the state it stands for commit together. */
export function inTransaction(client: PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** A job failure whose message is safe to keep with the job (a status, a code), never a value. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

/** What an error may tell staff or the logs: its kind and code, never values. */
export function describeError(error: unknown): string {
  if (error instanceof JobFailure) return error.message;
  const { name, code } = error as { name?: string; code?: string };
  return `${name ?? 'Error'}${code ? ` ${code}` : ''}`;
}

/** pg-boss keeps a failed job's error with the job: only its description goes there. */
async function safely<T>(handler: JobHandler<T>, job: PgBoss.JobWithMetadata<T>): Promise<void> {
  try {
    await handler(job);
  } catch (error) {
    throw new JobFailure(describeError(error));
  }
}

/**
 * The one pg-boss instance of this API process: every background job runs through it. A handler
 * that throws fails its job, which pg-boss retries with the queue's backoff and at last moves to
 * the queue's dead letters; the polling and cron timers are pg-boss's own.
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnApplicationShutdown {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    const { database, allocator, mailJobs } = config;
    this.boss = new PgBoss({
      connectionString: database.url,
      ...(database.ssl === 'disable' ? {} : { ssl: { rejectUnauthorized: database.ssl === 'verify-full' } }),
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'vaccinate-jobs',
      // The schema and our queues are created by the migrations (JobSchema1796192916730, JobQueues1796192916732).
      migrate: false,
      // Jobs a killed worker held are failed (and so retried) once their timeout has passed.
      maintenanceIntervalSeconds: Math.min(60, allocator.jobTimeoutSeconds, mailJobs.jobTimeoutSeconds),
    });
    this.boss.on('error', (error: Error) => this.logger.error({ err: describeError(error) }, 'job queue error'));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Waits a while for running jobs; those still running are failed, so they are retried elsewhere. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Sends in the caller's transaction: the job exists only if that transaction commits. */
  async sendInTransaction(client: PoolClient, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await this.boss.send(queue, data, { ...options, db: inTransaction(client) });
  }

  /** Applies retry, timeout and dead-letter settings from the configuration to a queue the migrations created. */
  async configureQueue(queue: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    await this.boss.updateQueue(queue, { name: queue, ...options });
  }

  /** Works a queue one job at a time per worker; `concurrency` workers poll it. */
  async work<T>(queue: string, options: { pollingIntervalSeconds: number; concurrency?: number }, handler: JobHandler<T>): Promise<void> {
    for (let worker = 0; worker < (options.concurrency ?? 1); worker += 1) {
      await this.boss.work<T>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
        if (job) await safely(handler, job);
      });
    }
  }

  /** Runs `handler` on the cron schedule, in one process of all replicas per occurrence. */
  async schedule(queue: string, cron: string, handler: () => Promise<void>): Promise<void> {
    await this.boss.schedule(queue, cron, {}, { tz: this.config.timeZone });
    await this.work(queue, { pollingIntervalSeconds: 10 }, handler);
  }

  /**
   * Runs `handler` about every `seconds` (below cron's minute), one run at a time across replicas:
   * each run first queues its successor (the queue's `short` policy keeps one waiting), so a crash
   * mid-run does not end the chain, and every process seeds it at start.
   */
  async every(queue: string, seconds: number, handler: () => Promise<void>): Promise<void> {
    const options = { singletonKey: queue, retryLimit: 0, expireInSeconds: Math.max(60, seconds * 4) };
    await this.work(queue, { pollingIntervalSeconds: Math.min(Math.max(seconds / 2, 0.5), 10) }, async () => {
      await this.boss.send(queue, {}, { ...options, startAfter: seconds });
      await handler();
    });
    await this.boss.send(queue, {}, options);
  }

  /** Works the jobs of a queue that are due now, here and at once (tests, staff "run now"); returns how many. */
  async runDue<T>(queue: string, handler: JobHandler<T>, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    let done = 0;
    while (done < limit) {
      const [job] = await this.boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
      if (!job) break;
      try {
        await handler(job);
        await this.boss.complete(queue, job.id);
      } catch (error) {
        await this.boss.fail(queue, job.id, { message: describeError(error) });
      }
      done += 1;
    }
    return done;
  }

  /** Jobs of these queues some worker holds right now. */
  async activeCount(queues: string[]): Promise<number> {
    const result: { rows: { count: number }[] } = await this.boss
      .getDb()
      .executeSql(`SELECT count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) AND state = 'active'`, [queues]);
    return result.rows[0]?.count ?? 0;
  }
}
