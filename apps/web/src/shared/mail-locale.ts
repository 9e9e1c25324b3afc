/** The languages a person's mails can be in, each named in itself so anyone finds theirs. */
export const MAIL_LOCALE_NAMES = { de: 'Deutsch', en: 'English' } as const;
export type MailLocale = keyof typeof MAIL_LOCALE_NAMES;

/** The language of the page the person is using: their mails follow it. */
export function pageLocale(language: string | undefined): MailLocale {
  return language?.startsWith('de') ? 'de' : 'en';
}
