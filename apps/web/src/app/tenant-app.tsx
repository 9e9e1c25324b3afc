import type { TenantEntry } from '@vaccinate/tenant-directory';
import { useMemo } from 'react';
import { ApiClient } from '../shared/api/api-client';
import { ApiClientProvider } from '../shared/api/api-context';
import { AuthProvider } from '../auth/auth-context';
import { readAccessToken } from '../auth/session-store';
import { AppFooter } from '../layout/app-footer';
import { AppHeader } from '../layout/app-header';
import { AppShell } from '../layout/app-shell';
import { TenantProvider } from '../tenant/tenant-context';
import { AppRoutes } from './app-routes';

/** Everything below knows its tenant and talks to that tenant's API only. */
export function TenantApp({ tenant }: { tenant: TenantEntry }) {
  const api = useMemo(() => new ApiClient({ baseUrl: tenant.apiBaseUrl, getAccessToken: readAccessToken }), [tenant.apiBaseUrl]);
  return (
    <TenantProvider tenant={tenant}>
      <ApiClientProvider client={api}>
        <AuthProvider>
          <AppShell header={<AppHeader />} footer={<AppFooter tenantName={tenant.displayName} />}>
            <AppRoutes />
          </AppShell>
        </AuthProvider>
      </ApiClientProvider>
    </TenantProvider>
  );
}
