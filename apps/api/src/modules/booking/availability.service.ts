import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Availability, AvailableDay, DoseKind, FollowUpAvailability } from '@vaccinate/api-contracts';
import { addDays, followUpWindow, isWithin, needsFollowUpReservation } from '@vaccinate/dose-schedule';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { todayIn } from '../../common/time-zone';
import { CatalogueService } from '../catalogue/catalogue.service';
import { cachedDocument, type CachedDocument } from './availability-answer';
import { AvailabilityNotifications } from './availability-notifications';
import { AvailabilityRepository, type AvailabilitySearch } from './availability.repository';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { SlotDirectory } from './slot-directory';

/** A changed capacity shows within this long, however many changes arrive; the database sees at most one query per key in it. */
const COALESCE_MS = 500;
/** Backstop when a notification was lost. */
const TTL_MS = 5_000;
const HORIZON_DAYS = 120;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Quality 5 compresses these documents about as well as 11 in a fraction of the time; a document is compressed on every change. */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** Past this age a stale document is no longer answered while its refresh runs (the database may be down). */
const STALE_MAX_MS = 30_000;
/**
 * How long a request waits for the refresh before it is answered the last document. Answered at once,
 * a page opened after a booking would offer the place that booking took, and its booking would be refused.
 */
const REFRESH_WAIT_MS = 500;

interface CacheEntry {
  at: number;
  generation: number;
  document: Promise<CachedDocument>;
  built: boolean;
  /** The last document built for this key, answered while a newer one is built. */
  last: { at: number; document: CachedDocument } | null;
  /** The refreshed document, or the last one if the refresh fails or takes longer than REFRESH_WAIT_MS. */
  patient: Promise<CachedDocument> | null;
}

/** Availability from an in-process cache, invalidated through Postgres LISTEN/NOTIFY. */
@Injectable()
export class AvailabilityService {
  private readonly cache = new Map<string, CacheEntry>();
  private generation = 0;
  /** Today and the horizon, worked out once a second rather than on every poll. */
  private horizon = { at: 0, fromDate: '', toDate: '' };

  constructor(
    private readonly availability: AvailabilityRepository,
    private readonly catalogue: CatalogueService,
    private readonly slots: SlotDirectory,
    notifications: AvailabilityNotifications,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    notifications.onChange(() => {
      this.generation += 1;
    });
  }

  /**
   * The Availability document as JSON text. Polls may get one up to COALESCE_MS behind the last
   * change; `current` waits for one that includes every change heard so far (for caches built on it).
   */
  async forDoseKindJson(productId: string, doseKind: DoseKind, siteId: string | null, { current = false } = {}): Promise<CachedDocument> {
    const product = await this.catalogue.product(productId);
    const { fromDate, toDate } = this.currentHorizon();
    const query = { productId, doseKind, siteId, fromDate, toDate };
    if (!needsFollowUpReservation(doseKind, product)) return this.cached('days', query, (days): Availability => ({ productId, doseKind, days }), undefined, current);
    // A first dose is only worth offering with a follow-up: each day says whether one is free in its window at any site.
    const latestFollowUp = followUpWindow(product, 2, toDate).latest;
    return this.cached(
      'days',
      query,
      (days): Availability => ({ productId, doseKind, days }),
      async (days) => {
        const followUps = await this.availability.find({ productId, doseKind: 'followUp', siteId: null, fromDate, toDate: latestFollowUp });
        const freeDates = [...new Set(followUps.filter((day) => day.slots.some((slot) => slot.free > 0)).map((day) => day.date))].sort();
        return days.map((day) => {
          const window = followUpWindow(product, 2, day.date);
          return { ...day, followUpAvailable: freeDates.some((date) => isWithin(window, date)) };
        });
      },
      current,
    );
  }

  /** Where the next dose can go after a first dose in `firstSlotId`: the product's window, at every site unless one is asked for. */
  async forFollowUpJson(productId: string, firstSlotId: string, siteId: string | null): Promise<CachedDocument> {
    const product = await this.catalogue.product(productId);
    if (product.primaryDoses < 2) throw new BookingException(BookingExceptionCode.NoFollowUp);
    const place = (await this.slots.get([firstSlotId])).get(firstSlotId);
    if (!place) throw new BookingException(BookingExceptionCode.SlotNotFound);
    const window = followUpWindow(product, 2, place.localDate);
    // "All places" means all: the first dose's site is a preference of the page, never a limit here.
    const query = { productId, doseKind: 'followUp' as const, siteId, fromDate: window.earliest, toDate: window.latest };
    return this.cached('follow-up', query, (days): FollowUpAvailability => ({ window, days }));
  }

  private currentHorizon(): { fromDate: string; toDate: string } {
    const now = Date.now();
    if (now - this.horizon.at >= 1_000) {
      const today = todayIn(this.config.timeZone, new Date(now));
      this.horizon = { at: now, fromDate: today, toDate: addDays(today, HORIZON_DAYS) };
    }
    return this.horizon;
  }

  private cached(
    variant: 'days' | 'follow-up',
    query: AvailabilitySearch,
    document: (days: AvailableDay[]) => Availability | FollowUpAvailability,
    annotate: (days: AvailableDay[]) => Promise<AvailableDay[]> = async (days) => days,
    current = false,
  ): Promise<CachedDocument> {
    const key = `${variant}|${query.productId}|${query.doseKind}|${query.siteId ?? '*'}|${query.fromDate}|${query.toDate}`;
    const now = Date.now();
    const entry = this.cache.get(key);
    const fresh = entry && now - entry.at < TTL_MS && (entry.generation === this.generation || (!current && now - entry.at < COALESCE_MS));
    if (fresh) return current ? entry.document : answerFrom(entry, now);
    // One query serves every request that arrives while it runs; they wait for it up to
    // REFRESH_WAIT_MS and are answered the last document after that, so a slow database never
    // holds a poll up for long.
    const cached = this.availability
      .find(query)
      .then(annotate)
      .then(async (days) => {
        const json = Buffer.from(JSON.stringify(document(days)));
        const [gzipped, brotli] = await Promise.all([gzipAsync(json), brotliAsync(json, BROTLI_OPTIONS)]);
        // The same days give the same tag, so a refresh without a change still answers 304.
        return cachedDocument(json, gzipped, brotli, `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`);
      });
    const last = entry?.last ?? null;
    const refreshing: CacheEntry = {
      at: now,
      generation: this.generation,
      document: cached,
      built: false,
      last,
      patient: last ? withinWait(cached, last.document) : null,
    };
    this.cache.set(key, refreshing);
    cached.then(
      (built) => {
        refreshing.built = true;
        refreshing.last = { at: now, document: built };
      },
      () => {
        if (this.cache.get(key) === refreshing) this.cache.delete(key);
      },
    );
    if (this.cache.size > 5_000) this.cache.delete(this.cache.keys().next().value as string);
    return current ? cached : answerFrom(refreshing, now);
  }
}

function answerFrom(entry: CacheEntry, now: number): Promise<CachedDocument> {
  if (entry.built || !entry.patient || !entry.last || now - entry.last.at >= STALE_MAX_MS) return entry.document;
  return entry.patient;
}

/** One timer per refresh, however many requests wait on it. */
function withinWait(refreshed: Promise<CachedDocument>, last: CachedDocument): Promise<CachedDocument> {
  return Promise.race([refreshed.catch(() => last), new Promise<CachedDocument>((resolve) => setTimeout(() => resolve(last), REFRESH_WAIT_MS).unref())]);
}
