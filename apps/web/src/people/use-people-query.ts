import type { PeopleSearch, PersonPage } from '@vaccinate/api-contracts';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../shared/api/api-context';
import { listPeople, searchPeople } from './people-api';

/** What the people page shows: a page of the list, or the result of a search (not the API's `PeopleQuery`). */
export type PeopleLookup = { kind: 'list'; offset: number } | { kind: 'search'; search: PeopleSearch };

export type PeopleResult = { status: 'loading' } | { status: 'loaded'; page: PersonPage } | { status: 'failed'; error: unknown };

/**
 * A page of people or a search result; a newer query cancels the one still running. What was typed is
 * part of the cache key in memory only: it is POSTed, never put in a URL.
 */
export function usePeopleQuery(query: PeopleLookup): { result: PeopleResult; retry: () => void } {
  const api = useApiClient();
  const people = useQuery({
    queryKey: ['people', query],
    queryFn: ({ signal }) =>
      query.kind === 'search'
        ? searchPeople(api, query.search, signal).then(({ items }): PersonPage => ({ items, total: items.length, limit: items.length, offset: 0 }))
        : listPeople(api, query.offset, signal),
  });
  const result: PeopleResult = people.isSuccess
    ? { status: 'loaded', page: people.data }
    : people.isError && !people.isFetching
      ? { status: 'failed', error: people.error }
      : { status: 'loading' };
  return { result, retry: () => void people.refetch() };
}
