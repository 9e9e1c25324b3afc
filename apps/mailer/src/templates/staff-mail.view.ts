import type { ValidStaffMailRequest } from '@vaccinate/mail-contracts';
import { STAFF_MAIL_TEXTS, type StaffMailTexts } from './staff-mail.texts';
import { TEXTS } from './template-texts';

/** Everything an invitation or password reset mail shows, in the recipient's language. */
export interface StaffMailView {
  locale: 'de' | 'en';
  texts: StaffMailTexts;
  subject: string;
  greeting: string;
  intro: string;
  validUntil: string;
  url: string;
  automatic: string;
  tenant: ValidStaffMailRequest['tenant'];
}

const LOCALE_TAGS = { de: 'de-DE', en: 'en-GB' } as const;

export function buildStaffMailView(request: ValidStaffMailRequest): StaffMailView {
  const { locale, data, tenant } = request;
  const texts = STAFF_MAIL_TEXTS[locale][request.template];
  const when = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: tenant.timeZone });
  return {
    locale,
    texts,
    subject: texts.subject(tenant.displayName),
    greeting: TEXTS[locale].greeting(request.to.name),
    intro: texts.intro(tenant.displayName),
    validUntil: texts.validUntil(when.format(new Date(data.expiresAt))),
    url: data.linkUrl,
    automatic: TEXTS[locale].automatic,
    tenant,
  };
}
