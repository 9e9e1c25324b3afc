import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { StandbyDispatchService } from './standby-dispatch.service';
import { StandbyOfferRepository } from './standby-offer.repository';

const TICK_SECONDS = 30;

/** Replaces expired offers with the next wave and closes what is taken or over; runs where the allocator runs. */
@Injectable()
export class StandbyWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobs: JobRunner,
    private readonly offers: StandbyOfferRepository,
    private readonly dispatcher: StandbyDispatchService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.allocator.enabled) return;
    // A pg-boss queue ticks it for all the replicas that run the allocator, instead of each on its own timer.
    await this.jobs.every(JobQueue.standbyWaves, TICK_SECONDS, () => this.tick());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.waves().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async waves(): Promise<void> {
    for (const id of await this.offers.openIds().catch(() => [])) {
      await this.dispatcher.dispatch(id).catch((error: unknown) => this.logger.warn({ announcement: id, err: (error as Error).name }, 'standby wave failed'));
    }
  }
}
