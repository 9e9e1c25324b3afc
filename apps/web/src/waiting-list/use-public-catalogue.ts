import type { PublicCatalogue } from '@vaccinate/api-contracts';
import { useApiClient } from '../shared/api/api-context';
import { useRefreshingResource } from '../shared/api/use-refreshing-resource';
import { fetchCatalogue } from '../booking/booking-api';

/** Sites and vaccines for the public forms. */
export function usePublicCatalogue() {
  const api = useApiClient();
  return useRefreshingResource<PublicCatalogue>('public-catalogue', (signal) => fetchCatalogue(api, signal));
}
