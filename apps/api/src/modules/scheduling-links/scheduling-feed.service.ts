import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Availability, SchedulingManifest } from '@vaccinate/api-contracts';
import { bulkPublishManifest, schedulingFeed, toNdjson, type PublishedSlot } from '@vaccinate/fhir';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { AvailabilityService } from '../booking/availability.service';
import { CatalogueService } from '../catalogue/catalogue.service';

/** Backstop when a notification was lost; a change is normally seen on the next read. */
const TTL_MS = 60_000;

export type SchedulingFile = 'locations' | 'schedules' | 'slots';

export interface PublishedFeed {
  manifest: SchedulingManifest;
  files: Record<SchedulingFile, string>;
  /** The manifest's transactionTime, for Last-Modified. */
  lastModified: Date;
  /** One tag for the data set: every file of it changes together. */
  etag: string;
}

/**
 * The tenant's SMART Scheduling Links files, built from the availability documents (first doses,
 * a follow-up free where the series needs one) and kept until availability changes: the same
 * notifications that refresh the availability cache mark these files stale. `transactionTime`
 * moves only when a rebuilt data set differs from the last one.
 */
@Injectable()
export class SchedulingFeedService {
  private generation = 0;
  private current: { generation: number; at: number; digest: string; feed: PublishedFeed } | null = null;
  private building: Promise<PublishedFeed> | null = null;

  constructor(
    private readonly availability: AvailabilityService,
    private readonly catalogue: CatalogueService,
    notifications: AvailabilityNotifications,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    notifications.onChange(() => {
      this.generation += 1;
    });
  }

  /** The feed, or a 404 on a tenant that does not publish its slots. */
  async feed(): Promise<PublishedFeed> {
    if (!this.config.schedulingLinks) throw new NotFoundException('This tenant does not publish its slots.');
    const current = this.current;
    if (current && current.generation === this.generation && Date.now() - current.at < TTL_MS) return current.feed;
    this.building ??= this.build().finally(() => (this.building = null));
    return this.building;
  }

  private async build(): Promise<PublishedFeed> {
    const generation = this.generation;
    const region = this.config.schedulingLinks?.state ?? [];
    const [sites, products] = await Promise.all([this.catalogue.listSites(), this.catalogue.listProducts()]);
    const active = products.filter((product) => product.active);
    const slots: PublishedSlot[] = [];
    for (const product of active) {
      // Every change heard so far: the feed keeps what it builds until the next change, so a
      // coalesced (slightly older) document would stay published.
      const document = await this.availability.forDoseKindJson(product.id, 'first', null, { current: true });
      const { days } = JSON.parse(document.inCoding.identity.body!.toString('utf8')) as Availability;
      for (const day of days) {
        // A first dose without a free follow-up in its window cannot be booked, so it is not offered as free.
        const bookable = day.followUpAvailable !== false;
        for (const slot of day.slots) {
          slots.push({ slotId: slot.slotId, siteId: day.siteId, productId: product.id, startsAt: slot.startsAt, endsAt: slot.endsAt, free: bookable ? slot.free : 0 });
        }
      }
    }
    const {
      locations,
      schedules,
      slots: slotResources,
    } = schedulingFeed({
      sites: sites.map((site) => ({ ...site, country: this.config.certificates.country })),
      products: active.map((product) => ({ id: product.id, productName: product.name, euProductCode: product.euProductCode })),
      slots,
      bookingUrl: `${this.config.publicUrl}/`,
      publicUrl: this.config.publicUrl,
      ...(region.length === 1 ? { state: region[0] } : {}),
    });
    const files = { locations: toNdjson(locations), schedules: toNdjson(schedules), slots: toNdjson(slotResources) };
    const digest = createHash('sha256').update(files.locations).update('\n\n').update(files.schedules).update('\n\n').update(files.slots).digest('base64url');
    const previous = this.current;
    const lastModified = previous && previous.digest === digest ? previous.feed.lastModified : new Date();
    const feed: PublishedFeed = {
      manifest: bulkPublishManifest(`${this.config.publicUrl}/api/scheduling-links`, lastModified.toISOString(), region),
      files,
      lastModified,
      etag: `W/"${digest.slice(0, 27)}"`,
    };
    this.current = { generation, at: Date.now(), digest, feed };
    return feed;
  }
}
