import type { PersonHistory, Vaccination, VaccinationCorrection } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const fetchPersonHistory = (api: ApiClient, personId: string, signal?: AbortSignal) =>
  api.get<PersonHistory>(`/people/${encodeURIComponent(personId)}/history`, signal ? { signal } : {});

/** A new version of the dose; the one corrected stays in the history as superseded. */
export const correctVaccination = (api: ApiClient, vaccinationId: string, correction: VaccinationCorrection) =>
  api.post<Vaccination>(`/vaccinations/${encodeURIComponent(vaccinationId)}/corrections`, correction);
