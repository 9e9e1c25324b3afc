import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { JOB_SCHEMA, JobQueue } from '../../jobs/job-queues';
import { JobRunner, type JobHandler } from '../../jobs/job-runner';

export { JOB_SCHEMA };
export { inTransaction } from '../../jobs/job-runner';
export const ALLOCATION_QUEUE = JobQueue.allocation;
export const ALLOCATION_DEAD_LETTERS = JobQueue.allocationDeadLetters;

export interface AllocationJobData {
  registrationId: string;
}

/** The allocation job queue on the process's job runner: retries with backoff, a timeout for jobs a dead worker held, a dead-letter queue. */
@Injectable()
export class AllocationQueue {
  constructor(
    private readonly jobs: JobRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async configure(): Promise<void> {
    const { allocator } = this.config;
    await this.jobs.configureQueue(ALLOCATION_QUEUE, {
      policy: 'standard',
      retryLimit: allocator.retryLimit,
      retryDelay: allocator.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: allocator.jobTimeoutSeconds,
      deadLetter: ALLOCATION_DEAD_LETTERS,
    });
  }

  /** Sends in the caller's transaction; a higher priority is fetched first. */
  async send(client: PoolClient, data: AllocationJobData, priority: number): Promise<void> {
    await this.jobs.sendInTransaction(client, ALLOCATION_QUEUE, data, { priority });
  }

  /** Works up to `limit` due jobs here and now; a handler that throws fails its job (retried with backoff, then a dead letter). */
  workDue(handler: JobHandler<AllocationJobData>, limit: number): Promise<number> {
    return this.jobs.runDue(ALLOCATION_QUEUE, handler, limit);
  }
}
