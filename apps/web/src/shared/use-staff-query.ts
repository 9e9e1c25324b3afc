import { useApiClient } from './api/api-context';
import type { ApiClient } from './api/api-client';
import { useApiQuery } from './api/use-api-query';

/** One staff GET, loaded on mount and when `key` changes, with `refresh` after a change. */
export function useStaffQuery<T>(key: string, load: (api: ApiClient, signal: AbortSignal) => Promise<T>) {
  const api = useApiClient();
  return useApiQuery(['staff', key], (signal) => load(api, signal));
}
