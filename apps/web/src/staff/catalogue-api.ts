import type {
  CancelledVaccinationDay,
  Lot,
  LotInput,
  Site,
  SiteChange,
  SiteInput,
  VaccinationDay,
  VaccinationDayChange,
  VaccinationDayInput,
  VaccinationDaySeries,
  VaccinationDaySeriesInput,
  VaccinationDaySummary,
  VaccineProduct,
  VaccineProductChange,
  VaccineProductInput,
} from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const listSites = (api: ApiClient, signal?: AbortSignal) => api.get<Site[]>('/sites', signalOf(signal));
export const fetchSite = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<Site>(at('/sites', id), signalOf(signal));
export const createSite = (api: ApiClient, input: SiteInput) => api.post<Site>('/sites', input);
export const updateSite = (api: ApiClient, id: string, patch: SiteChange) => api.patch<Site>(at('/sites', id), patch);

export const listVaccines = (api: ApiClient, signal?: AbortSignal) => api.get<VaccineProduct[]>('/vaccines', signalOf(signal));
export const createVaccine = (api: ApiClient, input: VaccineProductInput) => api.post<VaccineProduct>('/vaccines', input);
export const updateVaccine = (api: ApiClient, id: string, patch: VaccineProductChange) => api.patch<VaccineProduct>(at('/vaccines', id), patch);

export const listLots = (api: ApiClient, signal?: AbortSignal) => api.get<Lot[]>('/lots', signalOf(signal));
export const createLot = (api: ApiClient, input: LotInput) => api.post<Lot>('/lots', input);

/** Days as the list shows them, without their slots; only the day view needs them. */
export const listDays = (api: ApiClient, signal?: AbortSignal) => api.get<VaccinationDaySummary[]>('/vaccination-days', signalOf(signal));
export const fetchDay = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<VaccinationDay>(at('/vaccination-days', id), signalOf(signal));
export const createDay = (api: ApiClient, input: VaccinationDayInput) => api.post<VaccinationDay>('/vaccination-days', input);
/** A recurring day: every day of the series in one request, all or none. */
export const createDaySeries = (api: ApiClient, input: VaccinationDaySeriesInput) => api.post<VaccinationDaySeries>('/vaccination-days/series', input);
export const changeDay = (api: ApiClient, id: string, change: VaccinationDayChange) => api.patch<VaccinationDay>(at('/vaccination-days', id), change);
export const cancelDay = (api: ApiClient, id: string) => api.post<CancelledVaccinationDay>(`${at('/vaccination-days', id)}/cancel`, {});
