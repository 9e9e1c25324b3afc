import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { PriorityOrder } from '../../database/priority-order';
import { Sql } from '../../database/sql';

/**
 * Migrations hold no key, so priority groups stored as plain ranks (before the keyed order) or
 * under a retired field key are rewritten here, at start, before the allocator takes anything.
 */
@Injectable()
export class PriorityOrderConversion implements OnApplicationBootstrap {
  constructor(
    private readonly sql: Sql,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const converted = await PriorityOrder.of(this.ring).convert(this.sql);
      if (converted > 0) this.logger.info({ rows: converted }, 'priority groups rewritten under the current key');
    } catch {
      // A database that is not migrated yet has no such column; the next start converts.
      this.logger.warn('priority groups not converted at start');
    }
  }
}
