import type { TenantEntry } from '@vaccinate/tenant-directory';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { documentTitle } from './branding';

const TenantContext = createContext<TenantEntry | null>(null);

export function TenantProvider({ tenant, children }: { tenant: TenantEntry; children: ReactNode }) {
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
