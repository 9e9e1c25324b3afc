import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { JobQueue } from '../../jobs/job-queues';
import { describeError as describe, JobRunner } from '../../jobs/job-runner';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { AllocationQueue, type AllocationJobData } from './allocation-queue';
import { AllocationRepository } from './allocation.repository';
import { AllocationService } from './allocation.service';

const TICK_SECONDS = 1;
/** A late tick works what the seconds since the last one allow, up to this many seconds' worth. */
const MAX_CATCH_UP_SECONDS = 3;

/**
 * Feeds released registrations to the job queue in allocation order at the configured rate and
 * works the queue. The feeder adds a batch only when the previous one has been fetched, so the
 * order (rank, arrival) holds across batches; within a batch the job priority keeps it.
 */
@Injectable()
export class AllocationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private lastTickAt = 0;

  constructor(
    private readonly jobs: JobRunner,
    private readonly queue: AllocationQueue,
    private readonly repository: AllocationRepository,
    private readonly allocations: AllocationService,
    private readonly priorities: PriorityRulesService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  private get perTick(): number {
    return Math.max(1, Math.ceil(this.config.allocator.ratePerMinute / 60));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.allocator.enabled) return;
    await this.queue.configure();
    // The ticks are a pg-boss queue shared by the replicas that run the allocator, instead of a timer in each.
    await this.jobs.every(JobQueue.allocationTick, TICK_SECONDS, () => this.exclusive(() => this.tick()));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** The configured rate over the time since this process's last tick (a tick may come late). */
  private dueThisTick(): number {
    const now = Date.now();
    const seconds = this.lastTickAt === 0 ? TICK_SECONDS : Math.min(MAX_CATCH_UP_SECONDS, (now - this.lastTickAt) / 1000);
    this.lastTickAt = now;
    return Math.max(1, Math.round((this.config.allocator.ratePerMinute / 60) * seconds));
  }

  /** Feeds and works until nothing is due; ignores the rate. For tests and the staff "allocate now". */
  async runUntilIdle(): Promise<number> {
    return this.exclusive(async () => {
      let worked = 0;
      for (;;) {
        const fed = await this.feed(this.perTick);
        const done = await this.work(Number.MAX_SAFE_INTEGER);
        worked += done;
        if (fed === 0 && done === 0) return worked;
      }
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      const due = this.dueThisTick();
      await this.feed(due);
      await this.work(due);
    } catch (error) {
      this.logger.error({ err: describe(error) }, 'allocation tick failed; next tick retries');
    }
  }

  /** Sends up to `limit` released registrations to the queue, each job committed with its registration's mark. */
  private async feed(limit: number): Promise<number> {
    if ((await this.repository.waitingJobs()) > 0) return 0;
    const releases = await this.priorities.releases();
    const everySite = releases.find((release) => release.siteId === null)?.upToRank ?? 0;
    const perSite = releases.flatMap((release) => (release.siteId ? [{ siteId: release.siteId, upToRank: release.upToRank }] : []));
    if (everySite === 0 && perSite.length === 0) return 0;
    return this.sql.transaction(async (client) => {
      const ids = await this.repository.takeReleased(client, everySite, perSite, limit);
      for (const [index, registrationId] of ids.entries()) await this.queue.send(client, { registrationId }, ids.length - index);
      return ids.length;
    });
  }

  private work(limit: number): Promise<number> {
    return this.queue.workDue((job) => this.process(job), this.stopped ? 0 : limit);
  }

  /** Throwing fails the job: the queue retries it with backoff, then makes it a dead letter. */
  private async process(job: { id: string; data: AllocationJobData }): Promise<void> {
    try {
      const outcome = await this.allocations.allocate(job.data.registrationId);
      this.logger.info({ jobId: job.id, outcome }, 'registration allocated');
    } catch (error) {
      this.logger.warn({ jobId: job.id, err: describe(error) }, 'allocation failed; retried with backoff, then a dead letter');
      throw error;
    }
  }
}
