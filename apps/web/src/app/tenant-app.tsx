import type { TenantEntry } from '@vaccinate/tenant-directory';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiClient } from '../shared/api/api-client';
import { ApiClientProvider } from '../shared/api/api-context';
import { createQueryClient } from '../shared/api/use-api-query';
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
  // One cache per tenant app: the page serves one tenant, and the cache never outlives it.
  const [queryClient] = useState(createQueryClient);
  return (
    <TenantProvider tenant={tenant}>
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider client={api}>
          <AuthProvider>
            <AppShell header={<AppHeader />} footer={<AppFooter tenantName={tenant.displayName} />}>
              <AppRoutes />
            </AppShell>
          </AuthProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    </TenantProvider>
  );
}
