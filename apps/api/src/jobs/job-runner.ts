import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../app-logger.token';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/api-config.token';
import { JOB_SCHEMA, JobQueue } from './job-queues';

const UNDEFINED_TABLE = '42P01';
const RETRY_START_MS = 5_000;

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
  private readonly pool: Pool;
  private readonly boss: PgBoss;
  private started = false;
  private stopping = false;
  private retry: NodeJS.Timeout | null = null;
  /** Workers and schedules asked for before pg-boss could start (its schema was not migrated yet). */
  private readonly deferred: (() => Promise<void>)[] = [];

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    const { database, allocator, mailJobs } = config;
    this.pool = new Pool({
      connectionString: database.url,
      ...(database.ssl === 'disable' ? {} : { ssl: { rejectUnauthorized: database.ssl === 'verify-full' } }),
      max: 4,
      application_name: 'vaccinate-jobs',
    });
    this.pool.on('error', (error: Error) => this.logger.error({ err: describeError(error) }, 'job queue connection error'));
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: JOB_SCHEMA,
      // The schema and our queues are created by the migrations (JobSchema1796192916730, JobQueues1796192916732).
      migrate: false,
      // Jobs a killed worker held are failed (and so retried) once their timeout has passed.
      maintenanceIntervalSeconds: Math.min(60, allocator.jobTimeoutSeconds, mailJobs.jobTimeoutSeconds),
    });
    this.boss.on('error', (error: Error) => this.logger.error({ err: describeError(error) }, 'job queue error'));
  }

  /**
   * Starts pg-boss once the migrations created its schema and our queues. Until then (an API
   * started before its migration Job ran) jobs can be sent in transactions but none is worked;
   * it looks again every few seconds.
   */
  async onModuleInit(): Promise<void> {
    await this.startWhenInstalled();
  }

  private async startWhenInstalled(): Promise<void> {
    this.retry = null;
    if (this.stopping) return;
    try {
      if (await this.installed()) {
        await this.boss.start();
        this.started = true;
        for (const register of this.deferred.splice(0)) await register();
        return;
      }
      this.logger.warn('the job queue schema is not migrated yet: background jobs wait');
    } catch (error) {
      this.logger.error({ err: describeError(error) }, 'the job queue could not start; trying again');
    }
    this.retry = setTimeout(() => void this.startWhenInstalled(), RETRY_START_MS);
    this.retry.unref();
  }

  private async installed(): Promise<boolean> {
    try {
      const queues = Object.values(JobQueue);
      const { rows } = await this.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${JOB_SCHEMA}.queue WHERE name = ANY($1)`, [queues]);
      return rows[0]?.count === queues.length;
    } catch (error) {
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return false;
      throw error;
    }
  }

  private async whenStarted(register: () => Promise<void>): Promise<void> {
    if (this.started) await register();
    else this.deferred.push(register);
  }

  private requireStarted(): void {
    if (!this.started) throw new Error('the job queue is not started: its migration is pending');
  }

  /** Waits a while for running jobs; those still running are failed, so they are retried elsewhere. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.started) {
      this.started = false;
      await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
    await this.pool.end();
  }

  /** Sends in the caller's transaction: the job exists only if that transaction commits. */
  async sendInTransaction(client: PoolClient, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await this.boss.send(queue, data, { ...options, db: inTransaction(client) });
  }

  /** Sends many jobs of one queue in one statement of the caller's transaction: they exist only if it commits. */
  async insertInTransaction(client: PoolClient, queue: string, data: object[]): Promise<void> {
    if (data.length === 0) return;
    await this.boss.insert(
      data.map((one) => ({ name: queue, data: one })),
      { db: inTransaction(client) },
    );
  }

  /** Applies retry, timeout and dead-letter settings from the configuration to a queue the migrations created. */
  configureQueue(queue: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    return this.whenStarted(() => this.boss.updateQueue(queue, { name: queue, ...options }));
  }

  /** Works a queue one job at a time per worker; `concurrency` workers poll it. */
  work<T>(queue: string, options: { pollingIntervalSeconds: number; concurrency?: number }, handler: JobHandler<T>): Promise<void> {
    return this.whenStarted(async () => {
      for (let worker = 0; worker < (options.concurrency ?? 1); worker += 1) {
        await this.boss.work<T>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
          if (job) await safely(handler, job);
        });
      }
    });
  }

  /** Runs `handler` on the cron schedule, in one process of all replicas per occurrence. */
  schedule(queue: string, cron: string, handler: () => Promise<void>): Promise<void> {
    return this.whenStarted(async () => {
      await this.boss.schedule(queue, cron, {}, { tz: this.config.timeZone });
      await this.work(queue, { pollingIntervalSeconds: 10 }, handler);
    });
  }

  /**
   * Runs `handler` about every `seconds` (below cron's minute), one run at a time across replicas:
   * each run first queues its successor (the queue's `short` policy keeps one waiting), so a crash
   * mid-run does not end the chain, and every process seeds it at start.
   */
  every(queue: string, seconds: number, handler: () => Promise<void>): Promise<void> {
    const options = { singletonKey: queue, retryLimit: 0, expireInSeconds: Math.max(60, seconds * 4) };
    return this.whenStarted(async () => {
      await this.work(queue, { pollingIntervalSeconds: Math.min(Math.max(seconds / 2, 0.5), 10) }, async () => {
        await this.boss.send(queue, {}, { ...options, startAfter: seconds });
        await handler();
      });
      await this.boss.send(queue, {}, options);
    });
  }

  /** Works the jobs of a queue that are due now, here and at once (tests, staff "run now"); returns how many. */
  async runDue<T>(queue: string, handler: JobHandler<T>, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    this.requireStarted();
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
    const { rows } = await this.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) AND state = 'active'`, [queues]);
    return rows[0]?.count ?? 0;
  }
}
