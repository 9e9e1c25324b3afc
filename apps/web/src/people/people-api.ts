import type { PeopleFound, PeopleSearch, Person, PersonCorrection, PersonInput, PersonPage } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const PEOPLE_PAGE_SIZE = 20;

/** PATCH needs `doctor` or above; assistants may list, view and add. */
export const PERSON_EDITOR_ROLES = ['admin', 'doctor'] as const;

export function listPeople(api: ApiClient, offset: number, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: { limit: PEOPLE_PAGE_SIZE, offset }, ...(signal ? { signal } : {}) });
}

/** Exact match by e-mail; POSTed so the address stays out of URLs, proxy logs and history. */
export function searchPeopleByEmail(api: ApiClient, email: string, signal?: AbortSignal): Promise<PeopleFound> {
  return api.post<PeopleFound>('/people/search', { email } satisfies PeopleSearch, signal ? { signal } : {});
}

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
