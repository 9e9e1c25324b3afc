import type { DoseKind } from '@vaccinate/api-contracts';

/** Slot columns per dose kind; the only way a dose kind reaches SQL text (never user input). */
export const SLOT_COLUMNS: Record<DoseKind, { capacity: string; booked: string }> = {
  first: { capacity: 'capacity_first', booked: 'booked_first' },
  followUp: { capacity: 'capacity_follow_up', booked: 'booked_follow_up' },
  booster: { capacity: 'capacity_booster', booked: 'booked_booster' },
};
