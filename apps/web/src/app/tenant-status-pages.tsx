import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFooter } from '../layout/app-footer';
import { AppShell } from '../layout/app-shell';
import { LanguageSwitch } from '../layout/language-switch';
import { LoadingIndicator } from '../shared/ui/status-message';

/** Before a tenant is known there is no brand to show: a neutral header with the language switch. */
function NeutralShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <AppShell
      header={
        <header className="app-header app-header--neutral">
          <div className="app-header__inner">
            <span className="brand">
              <span className="brand__mark" aria-hidden="true">
                +
              </span>
              <span className="brand__name">{t('footer.product')}</span>
            </span>
            <LanguageSwitch />
          </div>
        </header>
      }
      footer={<AppFooter />}
    >
      {children}
    </AppShell>
  );
}

export function TenantLoadingPage() {
  const { t } = useTranslation();
  return (
    <NeutralShell title={t('common.loading')}>
      <LoadingIndicator label={t('common.loading')} />
    </NeutralShell>
  );
}

/** Deliberately lists no other tenant: a visitor learns nothing about who else uses the platform. */
export function UnknownTenantPage({ hostname }: { hostname: string }) {
  const { t } = useTranslation();
  return (
    <NeutralShell title={t('unknownTenant.title')}>
      <section className="page page--narrow status-page" data-testid="unknown-tenant" aria-labelledby="unknown-title">
        <h1 id="unknown-title">{t('unknownTenant.title')}</h1>
        <p className="lead">{t('unknownTenant.text', { host: hostname })}</p>
        <ul className="status-page__hints">
          <li>{t('unknownTenant.checkAddress')}</li>
          <li>{t('unknownTenant.askCompany')}</li>
        </ul>
      </section>
    </NeutralShell>
  );
}

export function DirectoryUnavailablePage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <NeutralShell title={t('directoryUnavailable.title')}>
      <section className="page page--narrow status-page" data-testid="directory-unavailable" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title">{t('directoryUnavailable.title')}</h1>
        <div role="alert">
          <p className="lead">{t('directoryUnavailable.text')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </section>
    </NeutralShell>
  );
}
