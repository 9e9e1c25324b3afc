import type { Availability, BookedAppointment, PublicCatalogue } from '@vaccinate/api-contracts';
import { addDays, followUpWindow, type DateWindow, type DoseScheduleProduct } from '@vaccinate/dose-schedule';
import type { ApiClient } from '../shared/api/api-client';
import { fetchAvailability, fetchCatalogue } from './booking-api';
import { localDateOf } from '../shared/date-format.util';
import { tenantTimeZone } from './tenant-settings';

export interface RebookChoices {
  availability: Availability;
  sites: PublicCatalogue['sites'];
  /** The dates the moved dose may take so that every dose of the series keeps its interval. */
  window: RebookWindow | null;
}

/** `recommended` only where the dose before it names one; the dose after only bounds the window. */
export type RebookWindow = Pick<DateWindow, 'earliest' | 'latest'> & { recommended?: string };

/**
 * The dates an appointment may move to, as the API checks them: after the dose before it within
 * that dose's interval, and early enough that the dose after it stays within its own interval.
 * Only doses of the primary series are bound; null means no bound at all.
 */
export function rebookWindow(
  product: DoseScheduleProduct,
  appointment: BookedAppointment,
  appointments: readonly BookedAppointment[],
  timeZone: string | undefined,
): RebookWindow | null {
  const booked = appointments.filter((candidate) => candidate.status === 'booked').sort((a, b) => a.doseNumber - b.doseNumber);
  const index = booked.findIndex((candidate) => candidate.id === appointment.id);
  if (index < 0) return null;
  const previous = booked[index - 1];
  const next = booked[index + 1];
  const bounds: RebookWindow[] = [];
  if (previous && appointment.doseNumber <= product.primaryDoses) {
    bounds.push(followUpWindow(product, appointment.doseNumber, localDateOf(previous.startsAt, timeZone)));
  }
  const nextInterval = next && next.doseNumber <= product.primaryDoses ? product.followUpIntervals.find((interval) => interval.dose === next.doseNumber) : undefined;
  if (next && nextInterval) {
    const nextDate = localDateOf(next.startsAt, timeZone);
    bounds.push({ earliest: addDays(nextDate, -nextInterval.maxDays), latest: addDays(nextDate, -nextInterval.minDays) });
  }
  if (bounds.length === 0) return null;
  const earliest = bounds.map((bound) => bound.earliest).reduce((a, b) => (a > b ? a : b));
  const latest = bounds.map((bound) => bound.latest).reduce((a, b) => (a < b ? a : b));
  const recommended = bounds[0]?.recommended;
  return { earliest, latest, ...(recommended && recommended >= earliest && recommended <= latest ? { recommended } : {}) };
}

/**
 * Free times for moving one appointment, narrowed to the dates that keep the series' intervals:
 * the booking does not name the neighbouring doses' slots, so the window is computed here from the
 * product's schedule, with the same rule the API applies when it confirms the move.
 */
export async function loadRebookChoices(
  api: ApiClient,
  productId: string,
  appointment: BookedAppointment,
  appointments: readonly BookedAppointment[],
  signal: AbortSignal,
): Promise<RebookChoices> {
  const [availability, catalogue] = await Promise.all([fetchAvailability(api, { productId, doseKind: appointment.doseKind }, signal), fetchCatalogue(api, signal)]);
  const { sites } = catalogue;
  const product = catalogue.products.find((candidate) => candidate.id === productId);
  const window = product ? rebookWindow({ ...product, boosterMinDaysAfterSeries: null }, appointment, appointments, tenantTimeZone(catalogue)) : null;
  if (!window) return { availability, sites, window: null };
  return {
    sites,
    availability: { ...availability, days: availability.days.filter((day) => day.date >= window.earliest && day.date <= window.latest) },
    window,
  };
}
