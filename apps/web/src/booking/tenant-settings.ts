import type { PublicCatalogue } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';
import { fetchCatalogue } from './booking-api';
import { isTimeZone } from '../shared/date-format.util';

/**
 * Tenant settings the catalogue carries. Both are optional and newer than the catalogue itself,
 * so they are read defensively: an older API, a typo or a zone this browser lacks changes nothing.
 */
type CatalogueSettings = Pick<PublicCatalogue, 'products'> & { requireEmployeeNumber?: unknown; timeZone?: unknown };

export function requiresEmployeeNumber(catalogue: CatalogueSettings): boolean {
  return catalogue.requireEmployeeNumber === true;
}

export function tenantTimeZone(catalogue: CatalogueSettings): string | undefined {
  return isTimeZone(catalogue.timeZone) ? catalogue.timeZone : undefined;
}

const zones = new WeakMap<ApiClient, Promise<string | undefined>>();

/**
 * The tenant's zone for pages that do not load the catalogue themselves, fetched once per API.
 * It never fails: without the catalogue, times fall back to the browser's zone rather than
 * keeping a person from their booking or the staff from their day.
 */
export function loadTenantTimeZone(api: ApiClient): Promise<string | undefined> {
  const known = zones.get(api);
  if (known) return known;
  const loading = fetchCatalogue(api).then(tenantTimeZone, () => {
    zones.delete(api); // A failure is not remembered, so the next page asks again.
    return undefined;
  });
  zones.set(api, loading);
  return loading;
}
