import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MAILER_MESSAGES_PATH, type SendMailRequest } from '@vaccinate/mail-contracts';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { inClientSpan, withTraceHeaders } from '../../tracing/active-trace';
import { mailTenantOf, OutboxRepository, type OutboxMessage } from './outbox.repository';

export const MAX_ATTEMPTS = 8;
const POLL_MS = 1_000;
const BATCH = 20;

/** 30 s, 2 min, 8 min, … capped at 2 h: a mailer outage is ridden out, a bad message ends in the dead letters. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 4 ** (attempts - 1), 7_200);
}

/** Drains the outbox to the mailer function, with retries, backoff and a dead-letter state. */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mailer) {
      this.logger.warn('MAILER_URL is not set: mails wait in the outbox');
      return;
    }
    this.timer = setInterval(() => void this.drain(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over due messages; concurrent calls share the pass. Exposed for tests. */
  drain(): Promise<void> {
    this.running ??= this.drainOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainOnce(): Promise<void> {
    for (;;) {
      const messages = await this.outbox.claimDue(BATCH).catch(() => []);
      if (messages.length === 0) return;
      await Promise.all(messages.map((message) => this.deliver(message)));
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const mailer = this.config.mailer;
    if (!mailer) return;
    const started = Date.now();
    // The delivery joins the trace of the request that queued the mail; the mailer continues it.
    const outcome = await inClientSpan('POST mailer /v1/messages', message.traceParent, () => this.post(mailer.url, mailer.apiKey, message));
    const log = { outboxId: message.id, template: message.payload.template, attempt: message.attempts, durationMs: Date.now() - started };
    if (outcome === 'sent') {
      await this.outbox.markSent(message.id);
      this.logger.info(log, 'mail delivered');
    } else if (message.attempts >= MAX_ATTEMPTS || outcome.startsWith('refused')) {
      await this.outbox.markDead(message.id, outcome);
      this.logger.error({ ...log, reason: outcome }, 'mail moved to dead letters');
    } else {
      await this.outbox.scheduleRetry(message.id, backoffSeconds(message.attempts), outcome);
      this.logger.warn({ ...log, reason: outcome }, 'mail delivery failed; will retry');
    }
  }

  private async post(url: string, apiKey: string | null, message: OutboxMessage): Promise<string> {
    const body: SendMailRequest = { ...message.payload, tenant: mailTenantOf(this.config) };
    try {
      const response = await fetch(`${url}${MAILER_MESSAGES_PATH}`, {
        method: 'POST',
        headers: withTraceHeaders({ 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) }),
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
