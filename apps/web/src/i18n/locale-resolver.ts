import { SUPPORTED_LOCALES, type SupportedLocale } from '@vaccinate/tenant-directory';

export const LOCALE_STORAGE_KEY = 'vaccinate.locale';

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The language to show: the one the person chose here before, else the first browser language we
 * speak (`de-AT` counts as `de`), else the tenant's default.
 */
export function resolveLocale(input: { stored: string | null; browserLanguages: readonly string[]; fallback: SupportedLocale }): SupportedLocale {
  if (isSupportedLocale(input.stored)) return input.stored;
  for (const language of input.browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (isSupportedLocale(base)) return base;
  }
  return input.fallback;
}

/** localStorage can throw (privacy modes, disabled storage); a missing choice is then fine. */
export function readStoredLocale(storage: Storage = window.localStorage): string | null {
  try {
    return storage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLocale(locale: SupportedLocale, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits; the switch still works for this one.
  }
}

export function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
