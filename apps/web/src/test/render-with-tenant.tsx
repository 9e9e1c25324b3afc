import type { SupportedLocale, TenantEntry } from '@vaccinate/tenant-directory';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiClient } from '../shared/api/api-client';
import { ApiClientProvider } from '../shared/api/api-context';
import { createQueryClient } from '../shared/api/use-api-query';
import { AuthProvider } from '../auth/auth-context';
import { readAccessToken } from '../auth/session-store';
import { createI18n } from '../i18n/i18n';
import { TenantProvider } from '../tenant/tenant-context';
import { acme } from './tenant-fixtures';

interface Options {
  fetch: typeof fetch;
  tenant?: TenantEntry;
  locale?: SupportedLocale;
}

/** Renders a page with everything a tenant page expects around it, talking to a fetch double. */
export function renderWithTenant(ui: ReactNode, { fetch, tenant = acme, locale = 'en' }: Options) {
  const i18n = createI18n(locale);
  const api = new ApiClient({ baseUrl: tenant.apiBaseUrl, getAccessToken: readAccessToken, fetch });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <TenantProvider tenant={tenant}>
        <QueryClientProvider client={createQueryClient()}>
          <ApiClientProvider client={api}>
            <AuthProvider>
              <BrowserRouter>{ui}</BrowserRouter>
            </AuthProvider>
          </ApiClientProvider>
        </QueryClientProvider>
      </TenantProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n, api };
}
