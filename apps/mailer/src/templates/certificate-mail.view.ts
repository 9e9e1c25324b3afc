import type { ValidCertificateMailRequest } from '@vaccinate/mail-contracts';
import { CERTIFICATE_TEXTS, type CertificateTexts } from './certificate-mail.texts';
import { TEXTS } from './template-texts';

/** Everything the certificate mail shows, in the recipient's language. */
export interface CertificateMailView {
  locale: 'de' | 'en';
  texts: CertificateTexts;
  subject: string;
  heading: string;
  greeting: string;
  intro: string;
  validUntil: string;
  url: string;
  automatic: string;
  tenant: ValidCertificateMailRequest['tenant'];
}

const LOCALE_TAGS = { de: 'de-DE', en: 'en-GB' } as const;

export function buildCertificateMailView(request: ValidCertificateMailRequest): CertificateMailView {
  const { locale, data, tenant } = request;
  const texts = CERTIFICATE_TEXTS[locale];
  const longDate = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: tenant.timeZone });
  // The vaccination date is a calendar date: formatted at noon UTC so no zone moves it to another day.
  const context = {
    productName: data.productName,
    dose: texts.dose(data.doseNumber, data.seriesDoses),
    date: longDate.format(new Date(`${data.vaccinationDate}T12:00:00Z`)),
    validUntil: longDate.format(new Date(data.validUntil)),
  };
  return {
    locale,
    texts,
    subject: texts.subject(context),
    heading: data.replacesEarlier ? texts.replacedHeading : texts.heading,
    greeting: TEXTS[locale].greeting(request.to.name),
    intro: data.replacesEarlier ? texts.replacedIntro(context) : texts.intro(context),
    validUntil: texts.validUntil(context.validUntil),
    url: data.certificateUrl,
    automatic: TEXTS[locale].automatic,
    tenant,
  };
}
