import { QueryClient, useQuery } from '@tanstack/react-query';

export type RefreshingResource<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; data: T; refreshing: boolean } | { status: 'failed'; error: unknown };

/**
 * Server state for every page. Data is fetched again on mount and when the page regains focus
 * after at least 15 s (availability changes while a person hesitates); no timer polls, as thousands
 * of open tabs must not become a load test. A failure is shown at once with a retry button: the
 * person decides, and a refused request is not repeated behind their back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 15_000, refetchOnMount: 'always', refetchOnWindowFocus: true, retry: false } },
  });
}

/** Loads `load` under `key` (null: nothing to load); data already shown stays on screen while a refresh runs. */
export function useApiQuery<T>(key: readonly unknown[] | null, load: (signal: AbortSignal) => Promise<T>) {
  const query = useQuery({ queryKey: key ?? ['idle'], queryFn: ({ signal }) => load(signal), enabled: key !== null });
  return { resource: resourceOf(query, key !== null), refresh: () => void query.refetch() };
}

function resourceOf<T>(query: ReturnType<typeof useQuery<T>>, enabled: boolean): RefreshingResource<T> {
  if (!enabled) return { status: 'idle' };
  if (query.isSuccess) return { status: 'loaded', data: query.data, refreshing: query.isFetching };
  if (query.isError && !query.isFetching) return { status: 'failed', error: query.error };
  return { status: 'loading' };
}
