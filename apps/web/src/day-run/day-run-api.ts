import type {
  AdverseReactionRequest,
  Availability,
  BoardEntry,
  CheckInRequest,
  CheckOutPlan,
  CheckOutRequest,
  DayBoard,
  DocumentVaccinationRequest,
  NoShowsMarked,
  ReactionSeverity,
  Vaccination,
  VisitAnswersChange,
  VisitDetail,
  VisitVersion,
  WalkInRequest,
} from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

const day = (dayId: string) => `/vaccination-days/${encodeURIComponent(dayId)}`;
const visit = (visitId: string) => `/visits/${encodeURIComponent(visitId)}`;

/** The board carries names: they travel in the body only, never in a URL. */
export function fetchBoard(api: ApiClient, dayId: string, signal?: AbortSignal): Promise<DayBoard> {
  return api.get<DayBoard>(`${day(dayId)}/board`, signal ? { signal } : {});
}

export function checkIn(api: ApiClient, dayId: string, request: CheckInRequest): Promise<BoardEntry> {
  return api.post<BoardEntry>(`${day(dayId)}/check-ins`, request);
}

export function registerWalkIn(api: ApiClient, dayId: string, request: WalkInRequest): Promise<BoardEntry> {
  return api.post<BoardEntry>(`${day(dayId)}/walk-ins`, request);
}

export function markNoShows(api: ApiClient, dayId: string): Promise<NoShowsMarked> {
  return api.post<NoShowsMarked>(`${day(dayId)}/no-shows`, {});
}

export function fetchVisit(api: ApiClient, visitId: string, signal?: AbortSignal): Promise<VisitDetail> {
  return api.get<VisitDetail>(visit(visitId), signal ? { signal } : {});
}

export function saveAnswers(api: ApiClient, visitId: string, answers: VisitAnswersChange): Promise<VisitDetail> {
  return api.request<VisitDetail>('PUT', `${visit(visitId)}/answers`, { body: answers });
}

export function startConsultation(api: ApiClient, visitId: string, version: number): Promise<VisitDetail> {
  return api.post<VisitDetail>(`${visit(visitId)}/consultation`, { version } satisfies VisitVersion);
}

/** The doctor's acknowledgement of flagged answers; needed before the dose is documented. */
export function acknowledgeFlags(api: ApiClient, visitId: string, version: number): Promise<VisitDetail> {
  return api.post<VisitDetail>(`${visit(visitId)}/flags-acknowledgement`, { version } satisfies VisitVersion);
}

export function documentVaccination(api: ApiClient, visitId: string, request: DocumentVaccinationRequest): Promise<Vaccination> {
  return api.post<Vaccination>(`${visit(visitId)}/vaccination`, request);
}

export function recordReaction(api: ApiClient, vaccinationId: string, severity: ReactionSeverity, description: string): Promise<Vaccination> {
  return api.post<Vaccination>(`/vaccinations/${encodeURIComponent(vaccinationId)}/reactions`, { severity, description } satisfies AdverseReactionRequest);
}

export function fetchCheckOutPlan(api: ApiClient, visitId: string, signal?: AbortSignal): Promise<CheckOutPlan> {
  return api.get<CheckOutPlan>(`${visit(visitId)}/check-out`, signal ? { signal } : {});
}

export function checkOut(api: ApiClient, visitId: string, request: CheckOutRequest): Promise<VisitDetail> {
  return api.post<VisitDetail>(`${visit(visitId)}/check-out`, request);
}

/** Free times for the next dose, from the public availability the booking page uses. */
export function fetchNextDoseTimes(api: ApiClient, productId: string, doseKind: 'followUp' | 'booster', signal?: AbortSignal): Promise<Availability> {
  return api.get<Availability>('/availability', { query: { productId, doseKind }, ...(signal ? { signal } : {}) });
}
