import type { TenantEntry } from '@vaccinate/tenant-directory';

export const acme: TenantEntry = {
  slug: 'acme',
  displayName: 'ACME Corporation',
  domains: ['acme.localhost', 'vaccinate.acme.example'],
  apiBaseUrl: '/api',
  branding: { primaryColor: '#0b5fff', accentColor: '#ffb000', logoUrl: '/branding/acme.svg' },
  defaultLocale: 'en',
  phoneRegion: 'DE',
};

export const globex: TenantEntry = {
  slug: 'globex',
  displayName: 'Globex Gesellschaft',
  domains: ['globex.localhost'],
  apiBaseUrl: 'https://api.globex.example/api',
  branding: { primaryColor: '#ffd400', accentColor: '#222222' },
  defaultLocale: 'de',
  phoneRegion: 'AT',
};

export const directory = { version: 1, tenants: [acme, globex] };
