import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { addDays } from '@vaccinate/dose-schedule';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { OutboxRepository } from '../outbox/outbox.repository';
import { bookingMail } from './booking-mail';
import { BookingViewRepository } from './booking-view.repository';
import { ReminderRepository } from './reminder.repository';

const EVERY_TEN_MINUTES = '*/10 * * * *';
const BATCH = 200;

/** Queues the reminder mail the day before each appointment, once; several pods share the work without overlap. */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly sql: Sql,
    private readonly reminders: ReminderRepository,
    private readonly views: BookingViewRepository,
    private readonly outbox: OutboxRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** A pg-boss cron schedule: each run happens once, in one of the replicas. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobQueue.reminders, EVERY_TEN_MINUTES, async () => {
      await this.runOnce().catch(() => this.logger.warn('reminder run failed; next run retries'));
    });
  }

  /** Queues reminders for tomorrow's appointments not reminded yet; returns how many bookings got one. */
  async runOnce(now = new Date()): Promise<number> {
    const tomorrow = addDays(todayIn(this.config.timeZone, now), 1);
    let reminded = 0;
    for (;;) {
      const count = await this.sql.transaction(async (client) => {
        const due = await this.reminders.lockDue(client, tomorrow, this.config.timeZone, BATCH);
        const bookingIds = new Set(due.map((appointment) => appointment.bookingId));
        for (const bookingId of bookingIds) {
          const view = await this.views.byId(bookingId, client);
          if (view) await this.outbox.enqueue(client, bookingMail('appointment-reminder', view, this.config.publicUrl));
        }
        await this.reminders.markReminded(
          client,
          due.map((appointment) => appointment.appointmentId),
        );
        return bookingIds.size;
      });
      reminded += count;
      if (count === 0) return reminded;
    }
  }
}
