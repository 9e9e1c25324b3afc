import { SUPPORTED_LOCALES } from '@vaccinate/tenant-directory';
import { useTranslation } from 'react-i18next';
import { switchLocale } from '../i18n/i18n';

const NATIVE_NAMES = { de: 'Deutsch', en: 'English' } as const;

/** Always visible: each language is offered in its own name, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {SUPPORTED_LOCALES.map((locale) => {
        const active = i18n.resolvedLanguage === locale;
        return (
          <button key={locale} type="button" lang={locale} className="language-switch__option" aria-pressed={active} onClick={() => void switchLocale(i18n, locale)}>
            {locale.toUpperCase()}
            <span className="visually-hidden"> {NATIVE_NAMES[locale]}</span>
          </button>
        );
      })}
    </div>
  );
}
