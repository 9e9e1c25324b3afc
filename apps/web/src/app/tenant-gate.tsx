import { useContext, useEffect, useState } from 'react';
import { getI18n, I18nContext } from 'react-i18next';
import { TenantApp } from './tenant-app';
import { browserLanguages, readStoredLocale, resolveLocale } from '../i18n/locale-resolver';
import { applyBranding } from '../tenant/branding';
import { resolveTenant, type TenantResolution } from '../tenant/tenant-resolver';
import { DirectoryUnavailablePage, TenantLoadingPage, UnknownTenantPage } from './tenant-status-pages';

interface TenantGateProps {
  hostname: string;
  fetchImpl?: typeof fetch;
}

/** Resolves this host's tenant, then hands over to the app; otherwise explains what went wrong. */
export function TenantGate({ hostname, fetchImpl }: TenantGateProps) {
  // The instance itself: `useTranslation().i18n` is a new wrapper after every language change, and
  // as a dependency it would resolve the tenant again and remount the app, losing the journey.
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const [resolution, setResolution] = useState<TenantResolution | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setResolution(null);
    void resolveTenant(hostname, fetchImpl).then((result) => {
      if (!current) return;
      if (result.kind === 'found') {
        applyBranding(result.tenant);
        // With no earlier choice and no browser language we speak, the tenant's default applies.
        const locale = resolveLocale({
          stored: readStoredLocale(),
          browserLanguages: browserLanguages(),
          fallback: result.tenant.defaultLocale,
        });
        if (locale !== i18n.resolvedLanguage) void i18n.changeLanguage(locale);
      } else if (result.kind === 'unavailable') {
        // For operators in the browser console; the page itself stays friendly.
        console.error(`Tenant directory unavailable: ${result.reason}`);
      }
      setResolution(result);
    });
    return () => {
      current = false;
    };
  }, [hostname, fetchImpl, attempt, i18n]);

  if (!resolution) return <TenantLoadingPage />;
  switch (resolution.kind) {
    case 'found':
      return <TenantApp tenant={resolution.tenant} />;
    case 'unknown-host':
      return <UnknownTenantPage hostname={hostname} />;
    case 'unavailable':
      return <DirectoryUnavailablePage onRetry={() => setAttempt((n) => n + 1)} />;
  }
}
