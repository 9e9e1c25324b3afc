export const DOSE_KINDS = ['first', 'followUp', 'booster'] as const;
export type DoseKind = (typeof DOSE_KINDS)[number];

export type CapacityByDoseKind = Record<DoseKind, number>;

export interface VaccinationDayInput {
  siteId: string;
  /** ISO date. */
  date: string;
  /** Local times, HH:MM, in the tenant's time zone. */
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  /** Capacity of every slot, per dose kind. */
  capacityPerSlot: CapacityByDoseKind;
  /** Lots and how many of their doses this day may use; the day never books more doses in total. */
  lots: { lotId: string; doses: number }[];
}

export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: CapacityByDoseKind;
  booked: CapacityByDoseKind;
}

export type VaccinationDayStatus = 'scheduled' | 'cancelled';

export interface VaccinationDay {
  id: string;
  siteId: string;
  date: string;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  status: VaccinationDayStatus;
  productIds: string[];
  lots: { lotId: string; doses: number }[];
  dosesCap: number;
  dosesBooked: number;
  slots: Slot[];
  version: number;
}

/** A change to a day; lowering capacity below what is booked is refused, never applied silently. */
export interface VaccinationDayChange {
  capacityPerSlot?: CapacityByDoseKind;
  lots?: { lotId: string; doses: number }[];
  version: number;
}

/** `GET /api/vaccination-days/:id/appointments`: who comes when (personal data, audited). */
export interface DayAppointment {
  appointmentId: string;
  bookingCode: string;
  startsAt: string;
  endsAt: string;
  doseKind: DoseKind;
  doseNumber: number;
  productName: string;
  status: 'booked' | 'cancelled';
  person: { givenName: string; familyName: string; birthDate: string };
}
