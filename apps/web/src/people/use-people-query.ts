import type { PersonPage } from '@vaccinate/api-contracts';
import { useEffect, useState } from 'react';
import { useApiClient } from '../shared/api/api-context';
import { listPeople, searchPeopleByEmail } from './people-api';

export type PeopleQuery = { kind: 'list'; offset: number } | { kind: 'search'; email: string };

export type PeopleResult =
  | { status: 'loading' }
  | { status: 'loaded'; page: PersonPage }
  | { status: 'failed'; error: unknown };

/** Loads a page of people or a search result; a newer query cancels the one still running. */
export function usePeopleQuery(query: PeopleQuery, attempt: number): PeopleResult {
  const api = useApiClient();
  const [result, setResult] = useState<PeopleResult>({ status: 'loading' });
  // Plain values as dependencies: the query object is new on every render.
  const offset = query.kind === 'list' ? query.offset : undefined;
  const email = query.kind === 'search' ? query.email : undefined;

  useEffect(() => {
    const controller = new AbortController();
    setResult({ status: 'loading' });
    const request =
      email !== undefined
        ? searchPeopleByEmail(api, email, controller.signal).then(
            ({ items }): PersonPage => ({ items, total: items.length, limit: items.length, offset: 0 }),
          )
        : listPeople(api, offset ?? 0, controller.signal);
    request.then(
      (page) => setResult({ status: 'loaded', page }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, offset, email, attempt]);

  return result;
}
