import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { AVAILABILITY_CHANNEL, BOARD_CHANNEL, availabilityChannel, boardChannel } from '../vaccination-day/availability-channel';

const FLUSH_MS = 50;

/** The server process of a connection, which Postgres names as the sender of its notifications (set by pg, untyped). */
function backendProcessId(client: pg.Client): number | undefined {
  return (client as pg.Client & { processID?: number }).processID;
}

/**
 * One LISTEN connection per process. Every pod hears every change, so its in-process
 * availability cache and sold-out set stay current; a reconnect after a lost connection
 * announces `resync` so caches start over. The same connection carries the day boards' changes
 * (`BOARD_CHANNEL`), which the live board streams to staff.
 */
@Injectable()
export class AvailabilityNotifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly events = new EventEmitter();
  private client: pg.Client | null = null;
  private stopped = false;
  private pending: string[] = [];
  private pendingBoards = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    // Every open day board is a listener.
    this.events.setMaxListeners(0);
  }

  /** Listens to changes of one day's board; returns how to stop. */
  onBoardChange(dayId: string, listener: () => void): () => void {
    // After a lost connection changes may have been missed: every board reloads.
    const events = [`board:${dayId}`, 'board:resync'];
    for (const event of events) this.events.on(event, listener);
    return () => events.forEach((event) => this.events.off(event, listener));
  }

  /** Announces, after its commit, that a day's board changed: to this process at once, to the others with the next flush. */
  publishBoardChange(dayId: string): void {
    this.events.emit(`board:${dayId}`);
    this.pendingBoards.add(dayId);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  onChange(listener: (payload: string) => void): void {
    this.events.on('change', listener);
  }

  /**
   * Announces committed slot changes to every pod, batched: a NOTIFY inside the booking
   * transaction would make Postgres serialize the commits of all bookings on its notification
   * lock. This process applies the change at once; the others hear it within FLUSH_MS, and the
   * caches' TTL covers a batch lost to a crash.
   */
  publish(payloads: string[]): void {
    for (const payload of payloads) this.events.emit('change', payload);
    this.pending.push(...payloads);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const batch = this.pending;
    this.pending = [];
    const boards = [...this.pendingBoards];
    this.pendingBoards = new Set();
    const client = this.client;
    if (!client) return;
    for (let start = 0; start < boards.length; start += 100) {
      await boardChannel.announce(client, boards.slice(start, start + 100)).catch(() => undefined);
    }
    if (batch.length === 0) return;
    // Payloads are limited to 8000 bytes; slot changes are about 60 bytes each.
    for (let start = 0; start < batch.length; start += 100) {
      await availabilityChannel.announce(client, batch.slice(start, start + 100)).catch(() => undefined);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush();
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.database.url,
      ssl: this.config.database.ssl === 'disable' ? false : { rejectUnauthorized: this.config.database.ssl === 'verify-full' },
    });
    client.on('notification', (message) => {
      // Our own batches come back too, up to a flush later: this process applied them when they
      // happened, and applying one again after a newer change (a booking's "full" arriving after
      // the cancellation that freed the place) would undo that change.
      if (message.processId === backendProcessId(client)) return;
      if (message.channel === BOARD_CHANNEL) {
        for (const dayId of (message.payload ?? '').split('\n')) this.events.emit(`board:${dayId}`);
        return;
      }
      if (message.channel !== AVAILABILITY_CHANNEL) return;
      for (const payload of (message.payload ?? '').split('\n')) this.events.emit('change', payload);
    });
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      await availabilityChannel.listen(client);
      await boardChannel.listen(client);
      this.client = client;
      this.events.emit('change', 'resync');
      this.events.emit('board:resync');
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
