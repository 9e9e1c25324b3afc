import type { DayAppointment } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

/** One appointment of a vaccination day as staff see it (`GET /vaccination-days/:id/appointments`). */
export type { DayAppointment };

/** Names come back in the body only; the path carries nothing but the day's id. */
export function fetchDayAppointments(api: ApiClient, dayId: string, signal?: AbortSignal): Promise<DayAppointment[]> {
  return api.get<DayAppointment[]>(`/vaccination-days/${encodeURIComponent(dayId)}/appointments`, signal ? { signal } : {});
}
