import type { PublicCatalogue } from '@vaccinate/api-contracts';

export type SiteSummary = PublicCatalogue['sites'][number];

export function siteById(sites: readonly SiteSummary[], id: string): SiteSummary | undefined {
  return sites.find((site) => site.id === id);
}

export function siteAddress(site: Pick<SiteSummary, 'street' | 'postalCode' | 'city'>): string {
  return `${site.street}, ${site.postalCode} ${site.city}`;
}
