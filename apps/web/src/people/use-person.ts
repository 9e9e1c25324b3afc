import type { Person } from '@vaccinate/api-contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../shared/api/api-context';
import { fetchPerson } from './people-api';

export type PersonResult = { status: 'loading' } | { status: 'loaded'; person: Person } | { status: 'failed'; error: unknown };

/** One person's record; `reload` fetches it again (after a 409, say), `replace` takes a PATCH answer. */
export function usePerson(id: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const queryKey = ['person', id];
  const person = useQuery({ queryKey, queryFn: ({ signal }) => fetchPerson(api, id, signal) });
  const result: PersonResult = person.isSuccess
    ? { status: 'loaded', person: person.data }
    : person.isError && !person.isFetching
      ? { status: 'failed', error: person.error }
      : { status: 'loading' };
  return {
    result,
    reload: () => void person.refetch(),
    replace: (next: Person) => queryClient.setQueryData(queryKey, next),
  };
}
