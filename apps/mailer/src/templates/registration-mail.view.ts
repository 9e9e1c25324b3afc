import type { ValidRegistrationMailRequest } from '@vaccinate/mail-contracts';
import { REGISTRATION_TEXTS, type RegistrationTexts } from './registration-mail.texts';
import { TEXTS } from './template-texts';

/** Everything the registration mail shows, in the recipient's language. */
export interface RegistrationMailView {
  locale: 'de' | 'en';
  texts: RegistrationTexts;
  subject: string;
  greeting: string;
  intro: string;
  trackingCode: string;
  url: string;
  automatic: string;
  tenant: ValidRegistrationMailRequest['tenant'];
}

export function buildRegistrationMailView(request: ValidRegistrationMailRequest): RegistrationMailView {
  const { locale, data, tenant } = request;
  const texts = REGISTRATION_TEXTS[locale];
  return {
    locale,
    texts,
    subject: texts.subject(data.trackingCode),
    greeting: TEXTS[locale].greeting(request.to.name),
    intro: texts.intro(data.productName),
    trackingCode: data.trackingCode,
    url: data.statusUrl,
    automatic: TEXTS[locale].automatic,
    tenant,
  };
}
