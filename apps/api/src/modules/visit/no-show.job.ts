import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { JobQueue } from '../../jobs/job-queues';
import { JobRunner } from '../../jobs/job-runner';
import { NoShowService } from './no-show.service';
import { VisitRepository } from './visit.repository';

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
    private readonly visits: VisitRepository,
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
    const days = await this.visits.daysToClose(GRACE);
    let marked = 0;
    for (const dayId of days) marked += (await this.noShows.mark(dayId, null)).noShows;
    if (marked > 0) this.logger.info({ days: days.length, noShows: marked }, 'no-shows marked at the end of the day');
    return marked;
  }
}
