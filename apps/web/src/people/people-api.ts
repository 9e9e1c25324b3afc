import type { PeopleFound, PeopleSearch, Person, PersonCorrection, PersonInput, PersonPage, RosterImportReport, RosterImportRequest } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const PEOPLE_PAGE_SIZE = 20;

/** PATCH needs `doctor` or above; assistants may list, view and add. */
export const PERSON_EDITOR_ROLES = ['admin', 'doctor'] as const;

export function listPeople(api: ApiClient, offset: number, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: { limit: PEOPLE_PAGE_SIZE, offset }, ...(signal ? { signal } : {}) });
}

/** By e-mail, employee number or name prefixes; POSTed so what was typed stays out of URLs, proxy logs and history. */
export function searchPeople(api: ApiClient, search: PeopleSearch, signal?: AbortSignal): Promise<PeopleFound> {
  return api.post<PeopleFound>('/people/search', search, signal ? { signal } : {});
}

/**
 * What a single search box means: an e-mail address when it has an `@`, an employee number when it
 * has a digit, otherwise the beginnings of names ("lov ad" finds Ada Lovelace).
 */
export function searchOf(text: string): PeopleSearch {
  const trimmed = text.trim();
  if (trimmed.includes('@')) return { email: trimmed };
  if (/\d/.test(trimmed)) return { employeeNumber: trimmed };
  return { name: trimmed };
}

/** Admins import the employee roster; `dryRun` only reports. */
export function importRoster(api: ApiClient, request: RosterImportRequest): Promise<RosterImportReport> {
  return api.post<RosterImportReport>('/people/import', request);
}

export const exportRoster = (api: ApiClient) => api.blob('/people/export');

export function createPerson(api: ApiClient, input: PersonInput): Promise<Person> {
  return api.post<Person>('/people', input);
}

export function fetchPerson(api: ApiClient, id: string, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/people/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

/** A change is a correction: the changed fields, the version they were read at (409 when it moved on) and why. */
export function updatePerson(api: ApiClient, id: string, patch: PersonCorrection): Promise<Person> {
  return api.patch<Person>(`/people/${encodeURIComponent(id)}`, patch);
}
