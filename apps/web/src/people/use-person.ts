import type { Person } from '@vaccinate/api-contracts';
import { useEffect, useState } from 'react';
import { useApiClient } from '../shared/api/api-context';
import { fetchPerson } from './people-api';

export type PersonResult =
  | { status: 'loading' }
  | { status: 'loaded'; person: Person }
  | { status: 'failed'; error: unknown };

/** One person's record; `reload` fetches it again (after a 409, say), `replace` takes a PATCH answer. */
export function usePerson(id: string) {
  const api = useApiClient();
  const [result, setResult] = useState<PersonResult>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResult({ status: 'loading' });
    fetchPerson(api, id, controller.signal).then(
      (person) => setResult({ status: 'loaded', person }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, id, attempt]);

  return {
    result,
    reload: () => setAttempt((n) => n + 1),
    replace: (person: Person) => setResult({ status: 'loaded', person }),
  };
}
