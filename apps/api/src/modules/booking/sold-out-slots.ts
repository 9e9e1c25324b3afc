import { Injectable } from '@nestjs/common';
import type { DoseKind } from '@vaccinate/api-contracts';
import { AvailabilityNotifications } from './availability-notifications';

/**
 * Slots known to be full, per dose kind, so that during a sell-out most attempts are answered
 * without touching the database. Fed by failed reservations and by every pod's notifications;
 * a freed place (cancellation, more capacity) removes the entry everywhere.
 */
@Injectable()
export class SoldOutSlots {
  private readonly full = new Map<string, Set<DoseKind>>();

  constructor(notifications: AvailabilityNotifications) {
    notifications.onChange((payload) => this.apply(payload));
  }

  isFull(slotId: string, kind: DoseKind): boolean {
    return this.full.get(slotId)?.has(kind) ?? false;
  }

  markFull(slotId: string, kind: DoseKind): void {
    const kinds = this.full.get(slotId) ?? new Set<DoseKind>();
    kinds.add(kind);
    this.full.set(slotId, kinds);
  }

  /** Payloads: `slot:<id>:<kind>:<free>` after a booking or cancellation; `day:<id>` or `resync` after anything else. */
  private apply(payload: string): void {
    const [scope, slotId, kind, free] = payload.split(':');
    if (scope === 'slot' && slotId && kind) {
      if (Number(free) > 0) this.full.get(slotId)?.delete(kind as DoseKind);
      else this.markFull(slotId, kind as DoseKind);
      return;
    }
    this.full.clear();
  }
}
