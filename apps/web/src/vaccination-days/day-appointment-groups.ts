import type { DayAppointment } from './day-appointments-api';

export type AppointmentCounts = Record<DayAppointment['status'], number>;

export interface SlotGroup {
  startsAt: string;
  endsAt: string;
  counts: AppointmentCounts;
  appointments: DayAppointment[];
}

export function countByStatus(appointments: readonly DayAppointment[]): AppointmentCounts {
  const counts: AppointmentCounts = { booked: 0, cancelled: 0 };
  for (const appointment of appointments) counts[appointment.status] += 1;
  return counts;
}

const byName = (a: DayAppointment, b: DayAppointment) => a.person.familyName.localeCompare(b.person.familyName) || a.person.givenName.localeCompare(b.person.givenName);

/**
 * The day's appointments by slot start, earliest first. Within a slot the booked ones come first
 * (the people to expect), then by name, so the list reads like a check-in sheet.
 */
export function groupBySlot(appointments: readonly DayAppointment[]): SlotGroup[] {
  const groups = new Map<string, DayAppointment[]>();
  for (const appointment of appointments) {
    // Keyed by the instant, not the string, so "…Z" and "+00:00" spellings share a group.
    const key = String(Date.parse(appointment.startsAt));
    groups.set(key, [...(groups.get(key) ?? []), appointment]);
  }
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort((a, b) => Number(a.status === 'cancelled') - Number(b.status === 'cancelled') || byName(a, b));
      const first = sorted[0] as DayAppointment;
      return { startsAt: first.startsAt, endsAt: first.endsAt, counts: countByStatus(sorted), appointments: sorted };
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
