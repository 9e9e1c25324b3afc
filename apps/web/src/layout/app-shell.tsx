import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePathname } from '../shared/routing/router';

/**
 * Landmarks and a skip link around every page. After an in-app navigation focus moves to <main>,
 * as a full page load would, so screen readers announce the new page.
 */
export function AppShell({ header, children, footer }: { header: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  const pathname = usePathname();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo?.(0, 0);
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      {header}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {children}
      </main>
      {footer}
    </div>
  );
}
