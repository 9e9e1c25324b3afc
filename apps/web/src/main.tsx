import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { createI18n } from './i18n/i18n';
import { browserLanguages, readStoredLocale, resolveLocale } from './i18n/locale-resolver';
import { TenantGate } from './app/tenant-gate';
import './styles/app.css';

// English until the tenant is known; the gate switches to the tenant's default if nothing else applies.
const i18n = createI18n(resolveLocale({ stored: readStoredLocale(), browserLanguages: browserLanguages(), fallback: 'en' }));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <TenantGate hostname={window.location.hostname} />
      </BrowserRouter>
    </I18nextProvider>
  </StrictMode>,
);
