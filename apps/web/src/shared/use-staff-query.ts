import { useApiClient } from './api/api-context';
import type { ApiClient } from './api/api-client';
import { useRefreshingResource } from './api/use-refreshing-resource';

/** One staff GET, loaded on mount and when `key` changes, with `refresh` after a change. */
export function useStaffQuery<T>(key: string, load: (api: ApiClient, signal: AbortSignal) => Promise<T>) {
  const api = useApiClient();
  return useRefreshingResource(key, (signal) => load(api, signal));
}
