import type { Availability, BookedAppointment, PublicCatalogue } from '@vaccinate/api-contracts';
import { followUpWindow, type DateWindow } from '@vaccinate/dose-schedule';
import type { ApiClient } from '../shared/api/api-client';
import { fetchAvailability, fetchCatalogue } from './booking-api';
import { localDateOf } from '../shared/date-format.util';
import { tenantTimeZone } from './tenant-settings';

export interface RebookChoices {
  availability: Availability;
  sites: PublicCatalogue['sites'];
  /** For a follow-up dose: the interval after the previous dose the new time must keep. */
  window: DateWindow | null;
}

/**
 * Free times for moving one appointment. A follow-up dose keeps to its interval after the previous
 * dose: the booking does not name the previous dose's slot, so the window is computed here from
 * the product's schedule and the availability of follow-up doses is narrowed to it.
 */
export async function loadRebookChoices(
  api: ApiClient,
  productId: string,
  appointment: BookedAppointment,
  appointments: readonly BookedAppointment[],
  signal: AbortSignal,
): Promise<RebookChoices> {
  const [availability, catalogue] = await Promise.all([
    fetchAvailability(api, { productId, doseKind: appointment.doseKind }, signal),
    fetchCatalogue(api, signal),
  ]);
  const { sites } = catalogue;
  const previous = appointments.find(
    (candidate) => candidate.doseNumber === appointment.doseNumber - 1 && candidate.status === 'booked',
  );
  const product = catalogue.products.find((candidate) => candidate.id === productId);
  if (appointment.doseKind !== 'followUp' || !previous || !product) return { availability, sites, window: null };
  const window = followUpWindow({ ...product, boosterMinDaysAfterSeries: null }, appointment.doseNumber, localDateOf(previous.startsAt, tenantTimeZone(catalogue)));
  return {
    sites,
    availability: { ...availability, days: availability.days.filter((day) => day.date >= window.earliest && day.date <= window.latest) },
    window,
  };
}
