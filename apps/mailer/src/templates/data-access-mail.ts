import type { MailLocale, ValidDataAccessMailRequest } from '@vaccinate/mail-contracts';
import { escapeHtml as e } from './escape.util';
import { actionMjml, mailFrameMjml, textFooter } from './mail-layout.mjml';
import { TEXTS } from './template-texts';

interface DataAccessTexts {
  subject: string;
  heading: string;
  intro: string;
  button: string;
  once(validUntil: string): string;
  notYou: string;
  linkHelp: string;
}

const de: DataAccessTexts = {
  subject: 'Ihre gespeicherten Daten',
  heading: 'Ihre gespeicherten Daten',
  intro: 'Sie haben eine Auskunft über die Daten angefordert, die wir zu Ihnen gespeichert haben. Mit diesem Link sehen Sie sie und können sie herunterladen.',
  button: 'Meine Daten ansehen',
  once: (until) => `Der Link funktioniert nur einmal und nur bis ${until}.`,
  notYou: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; ohne den Link sieht niemand Ihre Daten.',
  linkHelp: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
};

const en: DataAccessTexts = {
  subject: 'Your stored data',
  heading: 'Your stored data',
  intro: 'You asked which data we hold about you. This link shows it and lets you download it.',
  button: 'View my data',
  once: (until) => `The link works once, and only until ${until}.`,
  notYou: 'If you did not ask for this, ignore this e-mail; without the link nobody sees your data.',
  linkHelp: 'If the button does not work, copy this link into your browser:',
};

const DATA_ACCESS_TEXTS: Record<MailLocale, DataAccessTexts> = { de, en };

export interface DataAccessMailView {
  locale: MailLocale;
  texts: DataAccessTexts;
  greeting: string;
  validity: string;
  url: string;
  automatic: string;
  tenant: ValidDataAccessMailRequest['tenant'];
}

export function buildDataAccessMailView(request: ValidDataAccessMailRequest): DataAccessMailView {
  const { locale, data, tenant } = request;
  const texts = DATA_ACCESS_TEXTS[locale];
  const until = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: tenant.timeZone }).format(
    new Date(data.validUntil),
  );
  return {
    locale,
    texts,
    greeting: TEXTS[locale].greeting(request.to.name),
    validity: texts.once(until),
    url: data.accessUrl,
    automatic: TEXTS[locale].automatic,
    tenant,
  };
}

/** The MJML source of the data-access mail. Every value from the request is escaped here. */
export function dataAccessMailMjml(view: DataAccessMailView): string {
  const content = `<mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.texts.intro)}</p></mj-text>
        ${actionMjml(view.tenant.branding, { url: view.url, label: view.texts.button, help: view.texts.linkHelp, note: `${view.validity} ${view.texts.notYou}` })}`;
  return mailFrameMjml({ locale: view.locale, subject: view.texts.subject, heading: view.texts.heading, tenant: view.tenant, automatic: view.automatic }, content);
}

export function dataAccessMailText(view: DataAccessMailView): string {
  const lines = [
    view.texts.heading,
    '',
    view.greeting,
    '',
    view.texts.intro,
    '',
    view.url,
    '',
    view.validity,
    view.texts.notYou,
    '',
    ...textFooter(view.tenant, view.automatic),
  ];
  return `${lines.join('\n')}\n`;
}
