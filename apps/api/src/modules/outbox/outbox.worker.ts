import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MAILER_IDEMPOTENCY_HEADER, MAILER_MESSAGES_PATH, type SendMailRequest } from '@vaccinate/mail-contracts';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { JobQueue } from '../../jobs/job-queues';
import { JobFailure, JobRunner } from '../../jobs/job-runner';
import { inClientSpan, withTraceHeaders } from '../../tracing/active-trace';
import { mailTenantOf, OutboxRepository, type MailJobData, type OutboxMessage } from './outbox.repository';

/** A mailer outage is ridden out (retries doubling from the configured delay, about 4 h in all); then a dead letter. */
export const MAX_ATTEMPTS = 8;
const DELIVERY_WORKERS = 4;

interface MailJob {
  id: string;
  data: MailJobData;
}

/**
 * Delivers outbox mail to the mailer function as pg-boss jobs: pg-boss retries a failed delivery
 * with backoff and moves it to the dead-letter queue at last, whose worker marks the message dead
 * for staff. Each delivery names its message with an idempotency key, so a delivery the mailer
 * accepted but whose job never completed (a killed worker) is not sent twice.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.mailer) {
      this.logger.warn('MAILER_URL is not set: mails wait in the outbox');
      return;
    }
    const { retryDelaySeconds, jobTimeoutSeconds } = this.config.mailJobs;
    await this.jobs.configureQueue(JobQueue.mail, {
      policy: 'standard',
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: jobTimeoutSeconds,
      deadLetter: JobQueue.mailDeadLetters,
    });
    await this.jobs.work<MailJobData>(JobQueue.mail, { pollingIntervalSeconds: 1, concurrency: DELIVERY_WORKERS }, (job) => this.deliver(job));
    await this.jobs.work<MailJobData>(JobQueue.mailDeadLetters, { pollingIntervalSeconds: 5 }, (job) => this.bury(job));
  }

  /** Delivers what is due now, here, and waits for deliveries other workers hold. For tests. */
  async drain(): Promise<void> {
    const queues = [JobQueue.mail, JobQueue.mailDeadLetters];
    for (;;) {
      const delivered = await this.jobs.runDue<MailJobData>(JobQueue.mail, (job) => this.deliver(job));
      const buried = await this.jobs.runDue<MailJobData>(JobQueue.mailDeadLetters, (job) => this.bury(job));
      if (delivered + buried > 0) continue;
      if ((await this.jobs.activeCount(queues)) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Throws (failing the job, so pg-boss retries it) when the mailer may accept it later. */
  private async deliver(job: MailJob): Promise<void> {
    const mailer = this.config.mailer;
    if (!mailer) throw new JobFailure('no mailer configured');
    const message = await this.outbox.startAttempt(job.data.outboxId);
    if (!message) return; // sent or given up on already
    const started = Date.now();
    // The delivery joins the trace of the request that queued the mail; the mailer continues it.
    const outcome = await inClientSpan('POST mailer /v1/messages', job.data.traceParent, () => this.post(mailer.url, mailer.apiKey, message));
    const log = { outboxId: message.id, jobId: job.id, template: message.payload.template, attempt: message.attempts, durationMs: Date.now() - started };
    if (outcome === 'sent') {
      await this.outbox.markSent(message.id);
      this.logger.info(log, 'mail delivered');
    } else if (outcome.startsWith('refused')) {
      // Retrying will not help: straight to the dead letters, without pg-boss's backoff.
      await this.outbox.markDead(message.id, outcome);
      this.logger.error({ ...log, reason: outcome }, 'mail moved to dead letters');
    } else {
      await this.outbox.recordFailure(message.id, outcome);
      this.logger.warn({ ...log, reason: outcome }, 'mail delivery failed; will retry');
      throw new JobFailure(outcome);
    }
  }

  /** A job pg-boss gave up on (retries spent, or timed out too often): the message becomes a dead letter staff can replay. */
  private async bury(job: MailJob): Promise<void> {
    await this.outbox.markDead(job.data.outboxId, null);
    this.logger.error({ outboxId: job.data.outboxId }, 'mail moved to dead letters');
  }

  private async post(url: string, apiKey: string | null, message: OutboxMessage): Promise<string> {
    const body: SendMailRequest = { ...message.payload, tenant: mailTenantOf(this.config) };
    try {
      const response = await fetch(`${url}${MAILER_MESSAGES_PATH}`, {
        method: 'POST',
        headers: withTraceHeaders({
          'content-type': 'application/json',
          [MAILER_IDEMPOTENCY_HEADER]: `outbox-${message.id}`,
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        }),
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return 'sent';
      // A 4xx will not get better by retrying (except rate limiting); a 5xx may.
      return response.status >= 400 && response.status < 500 && response.status !== 429
        ? `refused: mailer answered ${response.status}`
        : `mailer answered ${response.status}`;
    } catch (error) {
      return `mailer unreachable (${(error as Error).name})`;
    }
  }
}
