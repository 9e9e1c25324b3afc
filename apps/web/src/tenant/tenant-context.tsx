import type { TenantEntry } from '@vaccinate/tenant-directory';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { documentTitle } from './branding';
import { applyPhoneRegion } from './phone-region';

const TenantContext = createContext<TenantEntry | null>(null);

export function TenantProvider({ tenant, children }: { tenant: TenantEntry; children: ReactNode }) {
  // Before the children render: their first check of a phone number already reads it in the tenant's country.
  applyPhoneRegion(tenant.phoneRegion);
  return <TenantContext.Provider value={tenant}>{children}</TenantContext.Provider>;
}

export function useTenant(): TenantEntry {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error('useTenant must be used inside TenantProvider');
  return tenant;
}

/** Sets `document.title` for the page being shown. */
export function usePageTitle(pageTitle?: string): void {
  const { displayName } = useTenant();
  useEffect(() => {
    document.title = documentTitle(displayName, pageTitle);
  }, [displayName, pageTitle]);
}
