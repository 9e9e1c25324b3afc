import type { PublicCatalogue } from '@vaccinate/api-contracts';
import { useApiClient } from '../shared/api/api-context';
import { useApiQuery } from '../shared/api/use-api-query';
import { fetchCatalogue } from '../booking/booking-api';

/** Sites and vaccines for the public forms. */
export function usePublicCatalogue() {
  const api = useApiClient();
  return useApiQuery<PublicCatalogue>(['catalogue'], (signal) => fetchCatalogue(api, signal));
}
