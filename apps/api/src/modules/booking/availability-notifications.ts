import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';

/** Postgres channel on which every capacity change is announced, committed with the change. */
export const AVAILABILITY_CHANNEL = 'availability_changed';

/**
 * One LISTEN connection per process. Every pod hears every change, so its in-process
 * availability cache and sold-out set stay current; a reconnect after a lost connection
 * announces `resync` so caches start over.
 */
@Injectable()
export class AvailabilityNotifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly events = new EventEmitter();
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.events.setMaxListeners(20);
  }

  onChange(listener: (payload: string) => void): void {
    this.events.on('change', listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.database.url,
      ssl: this.config.database.ssl === 'disable' ? false : { rejectUnauthorized: this.config.database.ssl === 'verify-full' },
    });
    client.on('notification', (message) => {
      if (message.channel === AVAILABILITY_CHANNEL) this.events.emit('change', message.payload ?? '');
    });
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${AVAILABILITY_CHANNEL}`);
      this.client = client;
      this.events.emit('change', 'resync');
    } catch {
      this.reconnectSoon(client);
    }
  }

  private reconnectSoon(client: pg.Client): void {
    if (this.stopped || (this.client !== client && this.client !== null)) return;
    this.client = null;
    this.logger.warn('availability notifications lost; reconnecting');
    setTimeout(() => void this.connect(), 1_000).unref();
  }
}
