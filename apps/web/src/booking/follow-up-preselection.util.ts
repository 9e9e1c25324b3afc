import type { AvailableDay, FollowUpAvailability } from '@vaccinate/api-contracts';

/** One slot a person can pick, with what the pages show about it. */
export interface ChosenSlot {
  slotId: string;
  dayId: string;
  date: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
}

function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

function firstFreeSlot(day: AvailableDay): ChosenSlot | null {
  const slot = [...day.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).find((candidate) => candidate.free > 0);
  return slot ? { slotId: slot.slotId, dayId: day.dayId, date: day.date, siteId: day.siteId, ...pickTimes(slot) } : null;
}

function pickTimes(slot: { startsAt: string; endsAt: string }) {
  return { startsAt: slot.startsAt, endsAt: slot.endsAt };
}

/**
 * The follow-up slot to offer first: the first free slot on the recommended date, else on the
 * nearest date inside the window (a later date wins a tie: the recommended interval is a minimum
 * worth keeping). The preferred site (the first dose's) wins over any other site; another site is
 * offered only when the preferred one has nothing free in the window.
 */
export function preselectFollowUp(availability: FollowUpAvailability, preferredSiteId?: string): ChosenSlot | null {
  const { earliest, recommended, latest } = availability.window;
  const target = dayNumber(recommended);
  const open = availability.days.filter((day) => day.date >= earliest && day.date <= latest && day.slots.some((slot) => slot.free > 0));
  const atPreferredSite = open.filter((day) => day.siteId === preferredSiteId);
  const candidates = atPreferredSite.length > 0 ? atPreferredSite : open;
  const ranked = [...candidates].sort((a, b) => {
    const distance = Math.abs(dayNumber(a.date) - target) - Math.abs(dayNumber(b.date) - target);
    return distance !== 0 ? distance : b.date.localeCompare(a.date);
  });
  const best = ranked[0];
  return best ? firstFreeSlot(best) : null;
}

/** A slot of the given availability days by id, for showing what was chosen. */
export function findSlot(days: readonly AvailableDay[], slotId: string): ChosenSlot | null {
  for (const day of days) {
    const slot = day.slots.find((candidate) => candidate.slotId === slotId);
    if (slot) return { slotId, dayId: day.dayId, date: day.date, siteId: day.siteId, ...pickTimes(slot) };
  }
  return null;
}
