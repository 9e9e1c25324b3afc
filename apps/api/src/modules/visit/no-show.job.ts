import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { Sql } from '../../database/sql';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { NoShowService } from './no-show.service';

const EVERY_TEN_MINUTES = '*/10 * * * *';
/** Staff may still check in a latecomer for a while after the last slot; then the day is closed. */
const GRACE = '1 hour';

/**
 * At the end of each vaccination day, marks who did not come, so their places and doses go back
 * (to standby offers, to a later booking) even when nobody on site pressed the button.
 */
@Injectable()
export class NoShowJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly sql: Sql,
    private readonly noShows: NoShowService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** A pg-boss cron schedule: each run happens once, in one of the replicas. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobQueue.noShows, EVERY_TEN_MINUTES, async () => {
      await this.runOnce().catch(() => this.logger.warn('no-show run failed; next run retries'));
    });
  }

  /** Closes every day that ended more than the grace period ago and still has unmarked appointments; returns the people marked. */
  async runOnce(): Promise<number> {
    const { rows } = await this.sql.query<{ day_id: string }>(
      `SELECT s.day_id FROM slot s JOIN vaccination_day d ON d.id = s.day_id
        WHERE d.status = 'scheduled' AND d.date >= current_date - 7
        GROUP BY s.day_id
       HAVING max(s.ends_at) < now() - interval '${GRACE}'
          AND EXISTS (SELECT 1 FROM appointment a JOIN slot x ON x.id = a.slot_id LEFT JOIN visit v ON v.appointment_id = a.id
                       WHERE x.day_id = s.day_id AND a.status = 'booked' AND v.id IS NULL)`,
    );
    let marked = 0;
    for (const row of rows) marked += (await this.noShows.mark(row.day_id, null)).noShows;
    if (marked > 0) this.logger.info({ days: rows.length, noShows: marked }, 'no-shows marked at the end of the day');
    return marked;
  }
}
