import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';
import { activeTraceParent } from '../../tracing/active-trace';
import { BookingBatchRepository, type BatchedBooking } from './booking-batch.repository';
import { BookingRepository, type NewBooking, type Reservation } from './booking.repository';

interface Waiting extends BatchedBooking {
  /** How often it went to a next batch because its batch twin did not get a place. */
  deferred: number;
  resolve: (reservation: Reservation) => void;
  reject: (error: unknown) => void;
}

/** How long the first booking of a batch waits for others: a burst fills a batch well within it. */
const GATHER_MS = 1;
/** Batches committing at once; more would only queue on the same slot rows and WAL flush. */
const MAX_IN_FLIGHT = 3;
/** About 20 parameters a booking, far below Postgres's 65,535 a statement. */
const MAX_BATCH = 200;
const MAX_DEFERRALS = 3;

/**
 * Group commit for self-service booking: bookings that arrive within a millisecond, or while the
 * previous batches commit, are reserved together in one transaction of set-based statements, and
 * each caller is answered after that commit with its own result (a booking, or the ReservationRefused
 * it would have had alone). A batch that fails as a whole is tried again booking by booking, so no
 * booking fails for another's problem.
 */
@Injectable()
export class BookingGroupCommit {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly sql: Sql,
    private readonly batches: BookingBatchRepository,
    private readonly single: BookingRepository,
  ) {}

  /** Resolves once committed; rejects with ReservationRefused like `BookingRepository.reserve`. */
  reserve(booking: NewBooking): Promise<Reservation> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ booking, traceParent: activeTraceParent(), deferred: 0, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.waiting.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return; // a finishing batch flushes
    if (this.waiting.length >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.waiting.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        // What gathered meanwhile has waited long enough.
        if (this.waiting.length > 0) this.flush();
      });
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let outcomes;
    try {
      // Sql.transaction runs the batch again after a deadlock or a serialization failure.
      outcomes = await this.sql.transaction((client) => this.batches.reserveAll(client, batch));
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else await this.oneByOne(batch);
      return;
    }
    const again: Waiting[] = [];
    outcomes.forEach((outcome, i) => {
      const waiting = batch[i] as Waiting;
      if (outcome.kind === 'booked') waiting.resolve(outcome.reservation);
      else if (outcome.kind === 'refused') waiting.reject(outcome.refusal);
      else again.push(waiting);
    });
    const retried = again.filter((waiting) => waiting.deferred < MAX_DEFERRALS);
    for (const waiting of retried) waiting.deferred += 1;
    // Ahead of later arrivals: first come, first served.
    this.waiting.unshift(...retried);
    await this.oneByOne(again.filter((waiting) => !retried.includes(waiting)));
  }

  /** Each booking in its own transaction, answered with its own result or error. */
  private async oneByOne(bookings: Waiting[]): Promise<void> {
    await Promise.all(bookings.map((waiting) => this.single.reserve(waiting.booking).then(waiting.resolve, waiting.reject)));
  }
}
