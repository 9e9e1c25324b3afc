import type { MailLocale, ValidDataAccessMailRequest } from '@vaccinate/mail-contracts';
import { linkColorOnWhite, readableTextOn } from './color-contrast.util';
import { escapeHtml as e } from './escape.util';
import { TEXTS } from './template-texts';

const TEXT_COLOR = '#1b1b1b';
const MUTED_COLOR = '#4a4f57';

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
  const { branding, displayName, publicUrl } = view.tenant;
  const onPrimary = readableTextOn(branding.primaryColor);
  const onAccent = readableTextOn(branding.accentColor);
  const linkStyle = `color:${linkColorOnWhite(branding.accentColor)};text-decoration:underline;`;
  const header = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${e(displayName)}" width="180px" align="left" padding="0" />`
    : `<mj-text color="${onPrimary}" font-size="22px" font-weight="700" padding="0">${e(displayName)}</mj-text>`;
  return `<mjml lang="${view.locale}">
  <mj-head>
    <mj-title>${e(view.texts.subject)}</mj-title>
    <mj-preview>${e(view.texts.heading)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="${TEXT_COLOR}" padding="8px 0" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7" width="600px">
    <mj-section background-color="${branding.primaryColor}" padding="20px 24px">
      <mj-column>${header}</mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text padding-top="0"><h1 style="font-size:24px;line-height:1.3;margin:0;">${e(view.texts.heading)}</h1></mj-text>
        <mj-text><p style="margin:0 0 12px;">${e(view.greeting)}</p><p style="margin:0;">${e(view.texts.intro)}</p></mj-text>
        <mj-button href="${e(view.url)}" background-color="${branding.accentColor}" color="${onAccent}" font-size="16px" font-weight="700" border-radius="6px" padding="20px 0 8px">${e(view.texts.button)}</mj-button>
        <mj-text>${e(view.validity)} ${e(view.texts.notYou)}</mj-text>
        <mj-text font-size="14px" color="${MUTED_COLOR}">${e(view.texts.linkHelp)}<br /><a href="${e(view.url)}" style="${linkStyle}word-break:break-all;">${e(view.url)}</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" color="${MUTED_COLOR}">${e(displayName)} · <a href="${e(publicUrl)}" style="${linkStyle}">${e(publicUrl)}</a><br />${e(view.automatic)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

export function dataAccessMailText(view: DataAccessMailView): string {
  const lines = [view.texts.heading, '', view.greeting, '', view.texts.intro, '', view.url, '', view.validity, view.texts.notYou, '', '--'];
  lines.push(`${view.tenant.displayName} · ${view.tenant.publicUrl}`, view.automatic);
  return `${lines.join('\n')}\n`;
}
