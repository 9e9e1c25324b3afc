import type { PeopleFound, Person, PersonInput, PersonPage } from '@vaccinate/api-contracts';
import type { ApiClient } from '../api/api-client';

export const PEOPLE_PAGE_SIZE = 20;

/** PATCH needs `doctor` or above; assistants may list, view and add. */
export const PERSON_EDITOR_ROLES = ['admin', 'doctor'] as const;

/**
 * PATCH body: the changed fields, the version they were read at (409 when it moved on) and why:
 * a change is a correction, and the earlier version is kept with this reason.
 */
export type PersonPatch = Partial<PersonInput> & { version: number; reason: string };

export function listPeople(api: ApiClient, offset: number, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: { limit: PEOPLE_PAGE_SIZE, offset }, ...(signal ? { signal } : {}) });
}

/** What `POST /people/search` answers: every exact match, unpaged. */
export type PersonSearchResult = PeopleFound;

/** Exact match by e-mail; POSTed so the address stays out of URLs, proxy logs and history. */
export function searchPeopleByEmail(api: ApiClient, email: string, signal?: AbortSignal): Promise<PersonSearchResult> {
  return api.post<PersonSearchResult>('/people/search', { email }, signal ? { signal } : {});
}

export function createPerson(api: ApiClient, input: PersonInput): Promise<Person> {
  return api.post<Person>('/people', input);
}

export function fetchPerson(api: ApiClient, id: string, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/people/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function updatePerson(api: ApiClient, id: string, patch: PersonPatch): Promise<Person> {
  return api.patch<Person>(`/people/${encodeURIComponent(id)}`, patch);
}
