import type {
  Lot,
  LotInput,
  Site,
  SiteInput,
  VaccinationDay,
  VaccinationDayChange,
  VaccinationDayInput,
  VaccineProduct,
  VaccineProductInput,
} from '@vaccinate/api-contracts';
import type { ApiClient } from '../api/api-client';
import { readItems } from './staff-list';

type List<T> = T[] | { items: T[] };
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const listSites = async (api: ApiClient, signal?: AbortSignal) => readItems(await api.get<List<Site>>('/sites', signalOf(signal)));
export const fetchSite = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<Site>(at('/sites', id), signalOf(signal));
export const createSite = (api: ApiClient, input: SiteInput) => api.post<Site>('/sites', input);
export const updateSite = (api: ApiClient, id: string, patch: Partial<SiteInput> & { version: number }) =>
  api.patch<Site>(at('/sites', id), patch);

export const listVaccines = async (api: ApiClient, signal?: AbortSignal) =>
  readItems(await api.get<List<VaccineProduct>>('/vaccines', signalOf(signal)));
export const createVaccine = (api: ApiClient, input: VaccineProductInput) => api.post<VaccineProduct>('/vaccines', input);
export const updateVaccine = (api: ApiClient, id: string, patch: Partial<VaccineProductInput> & { version: number }) =>
  api.patch<VaccineProduct>(at('/vaccines', id), patch);

export const listLots = async (api: ApiClient, signal?: AbortSignal) => readItems(await api.get<List<Lot>>('/lots', signalOf(signal)));
export const createLot = (api: ApiClient, input: LotInput) => api.post<Lot>('/lots', input);

/** The list may leave out each day's slots; only the day view needs them. */
export type VaccinationDaySummary = Omit<VaccinationDay, 'slots'> & { slots?: VaccinationDay['slots'] };

export const listDays = async (api: ApiClient, signal?: AbortSignal) =>
  readItems(await api.get<List<VaccinationDaySummary>>('/vaccination-days', signalOf(signal)));
export const fetchDay = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<VaccinationDay>(at('/vaccination-days', id), signalOf(signal));
export const createDay = (api: ApiClient, input: VaccinationDayInput) => api.post<VaccinationDay>('/vaccination-days', input);
export const changeDay = (api: ApiClient, id: string, change: VaccinationDayChange) =>
  api.patch<VaccinationDay>(at('/vaccination-days', id), change);
export const cancelDay = (api: ApiClient, id: string) => api.post<VaccinationDay>(`${at('/vaccination-days', id)}/cancel`, {});
