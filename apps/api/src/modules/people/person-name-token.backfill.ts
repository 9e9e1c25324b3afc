import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { PersonRepository } from './person.repository';

/**
 * Writes the name-search tokens of people who have none under the current key (registered before the
 * search existed, or sealed under a key since rotated). The tokens need the tenant's key, which a
 * migration does not have, so the API does it: started at boot without holding it up, and awaited by
 * the first name search, which would otherwise miss those people. A failure (say, a migration not yet
 * applied) is logged and tried again by the next search.
 */
@Injectable()
export class PersonNameTokenBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private done: Promise<void> | null = null;

  constructor(
    private readonly people: PersonRepository,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.ensure().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.done?.catch(() => undefined);
  }

  /** Resolves once every person has tokens; runs the backfill at most once per process unless it failed. */
  ensure(): Promise<void> {
    this.done ??= this.people.backfillNameTokens().then(
      (count) => {
        if (count > 0) this.logger.info({ count }, 'name-search tokens written for people registered before');
      },
      (error: unknown) => {
        this.done = null;
        this.logger.warn({ err: error }, 'name-search tokens not written yet; the next search tries again');
        throw error;
      },
    );
    return this.done;
  }
}
