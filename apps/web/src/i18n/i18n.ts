import { SUPPORTED_LOCALES, type SupportedLocale } from '@vaccinate/tenant-directory';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './locales/de';
import { en } from './locales/en';
import { storeLocale } from './locale-resolver';
import { countryName } from '../tenant/phone-region';

/** One i18next instance per app mount (tests mount many), resources bundled: no loading flash. */
export function createI18n(locale: SupportedLocale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false }, // React escapes already.
    initAsync: false,
  });
  // `{{region, regionName}}`: a country code as the country's name in the language of the sentence.
  instance.services.formatter?.add('regionName', (value: unknown, language: string | undefined) => countryName(String(value), language));
  document.documentElement.lang = locale;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return instance;
}

/** A choice made in the header: shown at once and remembered for this origin (so this tenant). */
export async function switchLocale(instance: i18n, locale: SupportedLocale): Promise<void> {
  storeLocale(locale);
  await instance.changeLanguage(locale);
}
