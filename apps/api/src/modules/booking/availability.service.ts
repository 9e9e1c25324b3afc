import { Inject, Injectable } from '@nestjs/common';
import type { Availability, AvailableDay, DoseKind, FollowUpAvailability } from '@vaccinate/api-contracts';
import { addDays, followUpWindow } from '@vaccinate/dose-schedule';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { todayIn } from '../../common/time-zone';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AvailabilityNotifications } from './availability-notifications';
import { AvailabilityRepository, type AvailabilityQuery } from './availability.repository';
import { BookingException, BookingExceptionCode } from './booking.exception';
import { SlotDirectory } from './slot-directory';

/** A changed capacity shows within this long, however many changes arrive; the database sees at most one query per key in it. */
const COALESCE_MS = 500;
/** Backstop when a notification was lost. */
const TTL_MS = 5_000;
const HORIZON_DAYS = 120;

interface CacheEntry {
  at: number;
  generation: number;
  days: Promise<AvailableDay[]>;
}

/** Availability from an in-process cache, invalidated through Postgres LISTEN/NOTIFY. */
@Injectable()
export class AvailabilityService {
  private readonly cache = new Map<string, CacheEntry>();
  private generation = 0;

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

  async forDoseKind(productId: string, doseKind: DoseKind, siteId: string | null): Promise<Availability> {
    await this.catalogue.product(productId);
    const today = todayIn(this.config.timeZone);
    const days = await this.cached({ productId, doseKind, siteId, fromDate: today, toDate: addDays(today, HORIZON_DAYS) });
    return { productId, doseKind, days };
  }

  /** Where the next dose can go after a first dose in `firstSlotId`: the product's window, same site unless another is asked for. */
  async forFollowUp(productId: string, firstSlotId: string, siteId: string | null): Promise<FollowUpAvailability> {
    const product = await this.catalogue.product(productId);
    if (product.primaryDoses < 2) throw new BookingException(BookingExceptionCode.NoFollowUp);
    const place = (await this.slots.get([firstSlotId])).get(firstSlotId);
    if (!place) throw new BookingException(BookingExceptionCode.SlotNotFound);
    const window = followUpWindow(product, 2, place.localDate);
    const days = await this.cached({
      productId,
      doseKind: 'followUp',
      siteId: siteId ?? place.siteId,
      fromDate: window.earliest,
      toDate: window.latest,
    });
    return { window, days };
  }

  private cached(query: AvailabilityQuery): Promise<AvailableDay[]> {
    const key = `${query.productId}|${query.doseKind}|${query.siteId ?? '*'}|${query.fromDate}|${query.toDate}`;
    const now = Date.now();
    const entry = this.cache.get(key);
    const fresh = entry && now - entry.at < TTL_MS && (entry.generation === this.generation || now - entry.at < COALESCE_MS);
    if (fresh) return entry.days;
    // One query serves every request that arrives while it runs.
    const days = this.availability.find(query);
    this.cache.set(key, { at: now, generation: this.generation, days });
    days.catch(() => this.cache.delete(key));
    if (this.cache.size > 5_000) this.cache.delete(this.cache.keys().next().value as string);
    return days;
  }
}
