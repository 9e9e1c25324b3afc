import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { RetentionRepository, type RetentionResult } from './retention.repository';

/** Every night, at a quiet hour of the tenant's time zone. */
const NIGHTLY = '17 3 * * *';

/** Deletes or clears what the tenant's retention periods say is due, once a day, in one replica. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: RetentionRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobQueue.retention, NIGHTLY, async () => {
      await this.runOnce().catch(() => this.logger.warn('retention run failed; the next night retries'));
    });
  }

  async runOnce(): Promise<RetentionResult> {
    const result = await this.retention.apply(this.config.retention);
    this.logger.info(result, 'retention periods applied');
    return result;
  }
}
