import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { type SlotPlace, SlotPlaceRepository } from './slot-place.repository';

export type { SlotPlace } from './slot-place.repository';

const MAX_ENTRIES = 50_000;

/** Slot places, read once and kept: the booking path needs them on every request. */
@Injectable()
export class SlotDirectory {
  private readonly places = new Map<string, SlotPlace>();

  constructor(
    private readonly slots: SlotPlaceRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async get(slotIds: string[]): Promise<Map<string, SlotPlace>> {
    const missing = slotIds.filter((id) => !this.places.has(id));
    if (missing.length > 0) {
      const found = await this.slots.find(missing, this.config.timeZone);
      if (this.places.size + found.length > MAX_ENTRIES) this.places.clear();
      for (const place of found) this.places.set(place.slotId, place);
    }
    return new Map(slotIds.flatMap((id) => (this.places.has(id) ? [[id, this.places.get(id) as SlotPlace]] : [])));
  }
}
