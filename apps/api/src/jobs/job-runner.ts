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
  /** The instance of the current start attempt; a failed attempt's instance is stopped and replaced. */
  private boss: PgBoss;
  private started = false;
  private stopping = false;
  private retry: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  /** Every worker and schedule asked for, in order: each start applies them all to its instance. */
  private readonly registrations: ((boss: PgBoss) => Promise<void>)[] = [];

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    const { database } = config;
    this.pool = new Pool({
      connectionString: database.url,
      ...(database.ssl === 'disable' ? {} : { ssl: { rejectUnauthorized: database.ssl === 'verify-full' } }),
      max: 4,
      application_name: 'vaccinate-jobs',
    });
    this.pool.on('error', (error: Error) => this.logger.error({ err: describeError(error) }, 'job queue connection error'));
    this.boss = this.createBoss();
  }

  private createBoss(): PgBoss {
    const { allocator, mailJobs } = this.config;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: JOB_SCHEMA,
      // The schema and our queues are created by the migrations (JobSchema1796192916730, JobQueues1796192916732).
      migrate: false,
      // Jobs a killed worker held are failed (and so retried) once their timeout has passed.
      maintenanceIntervalSeconds: Math.min(60, allocator.jobTimeoutSeconds, mailJobs.jobTimeoutSeconds),
    });
    boss.on('error', (error: Error) => this.logger.error({ err: describeError(error) }, 'job queue error'));
    return boss;
  }

  /** Whether pg-boss started and every worker and schedule asked for so far is in place. */
  get isStarted(): boolean {
    return this.started;
  }

  /**
   * Starts pg-boss once the migrations created its schema and our queues. Until then (an API
   * started before its migration Job ran) jobs can be sent in transactions but none is worked;
   * it looks again every few seconds.
   */
  onModuleInit(): Promise<void> {
    return this.start();
  }

  /** Idempotent: a start under way or done is not begun again. */
  start(): Promise<void> {
    if (this.started || this.stopping) return Promise.resolve();
    this.starting ??= this.startWhenInstalled().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startWhenInstalled(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.stopping || this.started) return;
    try {
      if (await this.installed()) {
        await this.startAttempt();
        return;
      }
      this.logger.warn('the job queue schema is not migrated yet: background jobs wait');
    } catch (error) {
      this.logger.error({ err: describeError(error) }, 'the job queue could not start; trying again');
    }
    if (this.stopping) return;
    this.retry = setTimeout(() => void this.start(), RETRY_START_MS);
    this.retry.unref();
  }

  /**
   * Starts pg-boss and applies every registration; started only when all of that succeeded. A
   * pg-boss whose start failed still counts itself as starting and would take the next start for
   * done, and one that started but missed a registration works only some queues: either way it is
   * stopped and the next attempt starts a new instance.
   */
  private async startAttempt(): Promise<void> {
    const boss = this.boss;
    try {
      await boss.start();
      // By index: a registration asked for while this loop awaits is applied too.
      for (let index = 0; index < this.registrations.length; index += 1) await this.registrations[index]?.(boss);
    } catch (error) {
      // Stopping reaches what the start began (workers, timers); pg-boss ignores it when its start stopped before any.
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
      boss.removeAllListeners('error');
      boss.on('error', () => undefined);
      this.boss = this.createBoss();
      throw error;
    }
    this.started = true;
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

  /** Applies `register` now when started, and to every later start's instance. */
  private async whenStarted(register: (boss: PgBoss) => Promise<void>): Promise<void> {
    this.registrations.push(register);
    if (this.started) await register(this.boss);
  }

  private requireStarted(): void {
    if (!this.started) throw new Error('the job queue is not started: its migration is pending');
  }

  /** Waits a while for running jobs; those still running are failed, so they are retried elsewhere. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    await this.starting?.catch(() => undefined);
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

  /** Sends several jobs of one queue in the caller's transaction with one statement. */
  async insertInTransaction(client: PoolClient, queue: string, data: object[]): Promise<void> {
    if (data.length === 0) return;
    await this.boss.insert(
      data.map((item) => ({ name: queue, data: item })),
      { db: inTransaction(client) },
    );
  }

  /** Applies retry, timeout and dead-letter settings from the configuration to a queue the migrations created. */
  configureQueue(queue: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    return this.whenStarted((boss) => boss.updateQueue(queue, { name: queue, ...options }));
  }

  /** Works a queue one job at a time per worker; `concurrency` workers poll it. */
  work<T>(queue: string, options: { pollingIntervalSeconds: number; concurrency?: number }, handler: JobHandler<T>): Promise<void> {
    return this.whenStarted((boss) => workOn(boss, queue, options, handler));
  }

  /** Runs `handler` on the cron schedule, in one process of all replicas per occurrence. */
  schedule(queue: string, cron: string, handler: () => Promise<void>): Promise<void> {
    return this.whenStarted(async (boss) => {
      await boss.schedule(queue, cron, {}, { tz: this.config.timeZone });
      await workOn(boss, queue, { pollingIntervalSeconds: 10 }, handler);
    });
  }

  /**
   * Runs `handler` about every `seconds` (below cron's minute), one run at a time across replicas:
   * each run first queues its successor (the queue's `short` policy keeps one waiting), so a crash
   * mid-run does not end the chain, and every process seeds it at start.
   */
  every(queue: string, seconds: number, handler: () => Promise<void>): Promise<void> {
    const options = { singletonKey: queue, retryLimit: 0, expireInSeconds: Math.max(60, seconds * 4) };
    return this.whenStarted(async (boss) => {
      await workOn(boss, queue, { pollingIntervalSeconds: Math.min(Math.max(seconds / 2, 0.5), 10) }, async () => {
        await boss.send(queue, {}, { ...options, startAfter: seconds });
        await handler();
      });
      await boss.send(queue, {}, options);
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

/** `concurrency` workers poll the queue, one job at a time each. */
async function workOn<T>(boss: PgBoss, queue: string, options: { pollingIntervalSeconds: number; concurrency?: number }, handler: JobHandler<T>): Promise<void> {
  for (let worker = 0; worker < (options.concurrency ?? 1); worker += 1) {
    await boss.work<T>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
      if (job) await safely(handler, job);
    });
  }
}
