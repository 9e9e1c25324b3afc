import type { DayAppointment } from '@vaccinate/api-contracts';
import type { ApiClient } from '../api/api-client';
import { readItems } from '../staff/staff-list';

/** One appointment of a vaccination day as staff see it (`GET /vaccination-days/:id/appointments`). */
export type { DayAppointment };

/** Names come back in the body only; the path carries nothing but the day's id. */
export async function fetchDayAppointments(api: ApiClient, dayId: string, signal?: AbortSignal): Promise<DayAppointment[]> {
  const path = `/vaccination-days/${encodeURIComponent(dayId)}/appointments`;
  // Like every staff list: a bare array or `{ items }`.
  return readItems(await api.get<DayAppointment[] | { items: DayAppointment[] }>(path, signal ? { signal } : {}));
}
