import type { DoseKind } from '@vaccinate/api-contracts';
import { ReservationRefused, type ReservedDose } from './booking.repository';

/** A slot as a batch found it under its row lock. */
export interface LockedSlot {
  slotId: string;
  dayId: string;
  /** Its day is scheduled and the slot still ahead. */
  open: boolean;
  /** Its day's dose cap can bind, so every dose also takes one of the day. */
  binding: boolean;
  /** The batch's products its day has a lot of. */
  products: Set<string>;
  free: Record<DoseKind, number>;
}

type Counts = Record<DoseKind, number>;

/**
 * The places of a batch's locked slots and days, handed out in the order asked for: a booking gets
 * all its doses or none, and a refusal names the first dose that could not be had, as a booking
 * alone would be refused. Nothing here touches the database.
 */
export class PlaceLedger {
  private readonly slots: Map<string, LockedSlot>;
  private readonly taken = new Map<string, Counts>();
  private readonly dayTaken = new Map<string, number>();
  private daysLeft = new Map<string, number>();

  constructor(slots: LockedSlot[]) {
    this.slots = new Map(slots.map((slot) => [slot.slotId, slot]));
  }

  /** The days to lock and read before handing out places. */
  bindingDays(): string[] {
    return [...new Set([...this.slots.values()].filter((slot) => slot.binding).map((slot) => slot.dayId))];
  }

  setDaysLeft(left: Map<string, number>): void {
    this.daysLeft = left;
  }

  /** Takes every dose's place, or none and says why. */
  take(productId: string, doses: ReservedDose[]): ReservationRefused | null {
    const slotUse = new Map<string, number>();
    const dayUse = new Map<string, number>();
    for (const dose of doses) {
      const slot = this.slots.get(dose.slotId);
      const key = `${dose.slotId}:${dose.kind}`;
      const wanted = (slotUse.get(key) ?? 0) + 1;
      if (!slot || !slot.open || !slot.products.has(productId) || this.freeOf(slot, dose.kind) < wanted) {
        return new ReservationRefused('slot_full', dose.slotId, dose.kind);
      }
      slotUse.set(key, wanted);
      if (slot.binding) {
        const wantedOfDay = (dayUse.get(slot.dayId) ?? 0) + 1;
        if ((this.daysLeft.get(slot.dayId) ?? 0) - (this.dayTaken.get(slot.dayId) ?? 0) < wantedOfDay) {
          return new ReservationRefused('day_full', dose.slotId, dose.kind);
        }
        dayUse.set(slot.dayId, wantedOfDay);
      }
    }
    for (const dose of doses) {
      const counts = this.taken.get(dose.slotId) ?? { first: 0, followUp: 0, booster: 0 };
      counts[dose.kind] += 1;
      this.taken.set(dose.slotId, counts);
      const slot = this.slots.get(dose.slotId) as LockedSlot;
      if (slot.binding) this.dayTaken.set(slot.dayId, (this.dayTaken.get(slot.dayId) ?? 0) + 1);
    }
    return null;
  }

  takenBySlot(): { slotId: string; taken: Counts }[] {
    return [...this.taken].map(([slotId, taken]) => ({ slotId, taken }));
  }

  takenByDay(): { dayId: string; taken: number }[] {
    return [...this.dayTaken].map(([dayId, taken]) => ({ dayId, taken }));
  }

  /** The change to announce once committed, with the places left after the whole batch. */
  change(slotId: string, kind: DoseKind): string {
    const slot = this.slots.get(slotId);
    return `slot:${slotId}:${kind}:${slot ? this.freeOf(slot, kind) : 0}`;
  }

  private freeOf(slot: LockedSlot, kind: DoseKind): number {
    return slot.free[kind] - (this.taken.get(slot.slotId)?.[kind] ?? 0);
  }
}
