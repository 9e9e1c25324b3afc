import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { PriorityRulesService } from '../priority/priority-rules.service';
import { AllocationQueue, type AllocationJob } from './allocation-queue';
import { AllocationRepository } from './allocation.repository';
import { AllocationService } from './allocation.service';

const TICK_MS = 1_000;

/** What an error may tell staff in the dead letters: its kind and code, never values. */
function describe(error: unknown): string {
  const { name, code } = error as { name?: string; code?: string };
  return `${name ?? 'Error'}${code ? ` ${code}` : ''}`;
}

/**
 * Feeds released registrations to the job queue in allocation order at the configured rate and
 * works the queue. The feeder adds a batch only when the previous one has been fetched, so the
 * order (rank, arrival) holds across batches; within a batch the job priority keeps it.
 */
@Injectable()
export class AllocationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
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
    await this.queue.start();
    this.timer = setInterval(() => void this.exclusive(() => this.tick()), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
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
      await this.feed(this.perTick);
      await this.work(this.perTick);
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

  private async work(limit: number): Promise<number> {
    let done = 0;
    while (done < limit && !this.stopped) {
      const job = await this.queue.fetchOne();
      if (!job) break;
      await this.process(job);
      done += 1;
    }
    return done;
  }

  private async process(job: AllocationJob): Promise<void> {
    try {
      const outcome = await this.allocations.allocate(job.data.registrationId);
      await this.queue.complete(job.id);
      this.logger.info({ jobId: job.id, outcome }, 'registration allocated');
    } catch (error) {
      await this.queue.fail(job.id, describe(error));
      this.logger.warn({ jobId: job.id, err: describe(error) }, 'allocation failed; retried with backoff, then a dead letter');
    }
  }
}
