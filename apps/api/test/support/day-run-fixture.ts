import type { BoardEntry, ProblemDetails, VisitDetail } from '@vaccinate/api-contracts';
import { rowsOf, type RunningApi } from './tenant-fixture';

/** Plain SQL against the tenant's database, for what the API deliberately cannot do (move a day in time) and for checks. */
export function tenantSql<T>(api: RunningApi, text: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(api.tenant.databaseUrl, text, params);
}

/**
 * Moves a freshly planned day (no bookings yet) so its first slot starts `minutesFromNow` from now:
 * days can only be planned for the future, but check-in needs a day that is running.
 */
export async function startDaySoon(api: RunningApi, dayId: string, minutesFromNow = 10): Promise<void> {
  await tenantSql(
    api,
    `WITH shift AS (SELECT date_trunc('minute', now()) + make_interval(mins => $2) - min(starts_at) AS delta FROM slot WHERE day_id = $1)
     UPDATE slot SET starts_at = starts_at + shift.delta, ends_at = ends_at + shift.delta FROM shift WHERE day_id = $1`,
    [dayId, minutesFromNow],
  );
  await tenantSql(api, `UPDATE vaccination_day d SET date = (SELECT (min(starts_at) AT TIME ZONE $2)::date FROM slot WHERE day_id = d.id) WHERE id = $1`, [
    dayId,
    api.config.timeZone,
  ]);
}

/** What a refusal adds to a body; `status` stays the HTTP status of the answer (a vaccination has a `status` of its own). */
type ProblemFields = Partial<Pick<ProblemDetails, 'code' | 'errors' | 'detail'>>;

export async function send<T>(api: RunningApi, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T & ProblemFields }> {
  const response = await api.request(path, { method, token, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T & ProblemFields };
}

export const ALL_NO = { fever_today: 'no', allergies: 'no', previous_reaction: 'no', pregnancy: 'no', blood_thinners: 'no', fainting: 'no' } as const;

/** Checks in by booking code and answers the default questionnaire with consent: ready for the doctor. */
export async function checkInAndAnswer(
  api: RunningApi,
  assistant: string,
  dayId: string,
  bookingCode: string,
  answers: Record<string, 'yes' | 'no'> = ALL_NO,
): Promise<VisitDetail> {
  const checkIn = await send<BoardEntry>(api, 'POST', `/api/vaccination-days/${dayId}/check-ins`, assistant, {
    bookingCode,
    identityChecked: true,
    identityDocument: 'id_card',
  });
  if (checkIn.status !== 201) throw new Error(`check-in answered ${checkIn.status}: ${JSON.stringify(checkIn.body)}`);
  const visitId = checkIn.body.visitId as string;
  const answered = await send<VisitDetail>(api, 'PUT', `/api/visits/${visitId}/answers`, assistant, {
    questionnaireVersion: 0,
    answers,
    consent: true,
    version: 1,
  });
  if (answered.status !== 200) throw new Error(`answers answered ${answered.status}: ${JSON.stringify(answered.body)}`);
  return answered.body;
}
